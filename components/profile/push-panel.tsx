"use client";
// API-4: opt this device in to Web Push — registers /sw.js, asks the browser's permission,
// subscribes with the server's VAPID public key and saves the subscription with the chosen kinds.
import { useEffect, useState } from "react";
import { removePushSubscriptionAction, savePushSubscriptionAction } from "@/lib/push/actions";
import { Button } from "@/components/ui/button";

type Kind = { kind: string; label: string };

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const raw = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4));
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function PushPanel({ publicKey, kinds }: { publicKey: string; kinds: Kind[] }) {
  const [supported, setSupported] = useState<boolean | null>(null);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>(kinds.map((k) => k.kind));
  const [status, setStatus] = useState<string>("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ok = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
    setSupported(ok);
    if (!ok) return;
    navigator.serviceWorker
      .getRegistration("/")
      .then((reg) => reg?.pushManager.getSubscription())
      .then((sub) => setEndpoint(sub?.endpoint ?? null))
      .catch(() => undefined);
  }, []);

  async function enable() {
    setBusy(true);
    setStatus("Подключаем…");
    try {
      const reg = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setStatus("Браузер не разрешил уведомления. Разрешите их в настройках сайта и повторите.");
        return;
      }
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      const json = sub.toJSON();
      const result = await savePushSubscriptionAction({ endpoint: json.endpoint, keys: json.keys, kinds: chosen });
      if (!result.ok) {
        setStatus(result.message);
        return;
      }
      setEndpoint(sub.endpoint);
      setStatus("Уведомления на этом устройстве включены.");
    } catch {
      setStatus("Не удалось подключить уведомления в этом браузере.");
    } finally {
      setBusy(false);
    }
  }

  async function disable() {
    setBusy(true);
    try {
      const reg = await navigator.serviceWorker.getRegistration("/");
      const sub = await reg?.pushManager.getSubscription();
      if (sub) {
        await removePushSubscriptionAction(sub.endpoint);
        await sub.unsubscribe();
      }
      setEndpoint(null);
      setStatus("Уведомления на этом устройстве выключены.");
    } finally {
      setBusy(false);
    }
  }

  if (supported === false)
    return <p className="text-sm text-slate-600">Этот браузер не поддерживает push-уведомления.</p>;
  return (
    <div className="space-y-3 rounded border border-slate-200 bg-white p-4 text-sm">
      <fieldset className="space-y-1">
        <legend className="font-semibold">О чём уведомлять</legend>
        {kinds.map((k) => (
          <label key={k.kind} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={chosen.includes(k.kind)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, k.kind] : c.filter((x) => x !== k.kind)))}
            />
            {k.label}
          </label>
        ))}
      </fieldset>
      <div className="flex gap-2">
        <Button type="button" onClick={enable} disabled={busy || supported === null}>
          {endpoint ? "Сохранить выбор" : "Включить уведомления на этом устройстве"}
        </Button>
        {endpoint && (
          <Button variant="danger" type="button" onClick={disable} disabled={busy}>
            Выключить
          </Button>
        )}
      </div>
      <p role="status" className="text-slate-700">
        {status}
      </p>
    </div>
  );
}
