"use client";
// `ActionForm` + `FormStatus`: the one way a form runs a server action that returns an
// `ActionResult` (lib/errors.ts) and shows its outcome — a success line (role=status), the refusal's
// Russian message (role=alert) and each field's own messages under the field (field.tsx).
//
// Decisions (issue 19 item 1, DAY-8):
// - React 19 resets an uncontrolled form after a form action, so a refused form used to lose what
//   the user typed. Here the submit event is taken over (preventDefault + a transition calling the
//   action), which React does not follow with a reset: on refusal every value stays — text, choices,
//   checkboxes and chosen files alike. After a success the form is reset to its (fresh) defaults,
//   as before, unless `resetOnSuccess={false}`.
// - Before hydration the form still posts through `useActionState` (progressive enhancement); that
//   outcome's `onResult` / `onSuccess` run once the page has hydrated.
// - While the action runs the submit buttons are disabled with a spinner, and a second submit
//   (double click, Enter) is dropped before it reaches the network.
// - A thrown action (the connection dropped) becomes a refusal with a message; the input stays.
// - `disabledReason`: an action not allowed now renders disabled (a disabled fieldset) with the
//   reason beside the button, instead of accepting input and refusing it afterwards.
import {
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  useTransition,
  type ComponentProps,
  type ReactNode,
} from "react";
import type { ActionResult, FieldErrors } from "@/lib/errors";
import { cx } from "./cx";
import { FormContext, type FormContextValue, type Success } from "./form-context";
import { SubmitButton } from "./submit-button";
import type { ButtonVariant, ButtonSize } from "./button";

export type { Success };

export type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Default success text: the action's own `message` when it returns one. */
function successText<T>(data: T, success: Success<T> | undefined): ReactNode {
  if (typeof success === "function") return (success as (d: T) => ReactNode)(data);
  if (success !== undefined) return success;
  const message = (data as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" ? message : "Сохранено";
}

/** Next's redirect() from inside an action rejects the call with this digest (the router follows it). */
function isRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

const OFFLINE: ActionResult<never> = {
  ok: false,
  code: "UNAVAILABLE",
  message: "Нет связи с сервером. Введённые данные остались в форме — повторите попытку.",
};

type Layout = "stack" | "inline" | "bare";

const LAYOUTS: Record<Layout, string> = {
  stack: "flex flex-col gap-2",
  inline: "flex flex-wrap items-end gap-2",
  bare: "",
};

export type ActionFormProps<T> = Omit<ComponentProps<"form">, "action" | "onSubmit" | "children"> & {
  action: FormAction<T>;
  children?: ReactNode;
  /** A submit button with this label after the fields (omit to place `SubmitButton` yourself). */
  submitLabel?: ReactNode;
  submitVariant?: ButtonVariant;
  size?: ButtonSize;
  /** Text after a success; default: the action's `data.message`, else «Сохранено». */
  success?: Success<T>;
  /** Called after a success (refresh the page, close a panel …). */
  onSuccess?: (data: T) => void;
  /** Called with every result (a wizard keeps the data). */
  onResult?: (result: ActionResult<T>) => void;
  resetOnSuccess?: boolean;
  /** The action is not allowed now: fields and button disabled, this reason shown. */
  disabledReason?: string | null;
  /** `FormStatus` after the button (default) or nowhere (the caller places `<FormStatus />`). */
  status?: "end" | "manual";
  layout?: Layout;
  /** A framed block (border, white background). */
  framed?: boolean;
  label?: string;
};

export function ActionForm<T>({
  action,
  children,
  submitLabel,
  submitVariant = "primary",
  size = "md",
  success,
  onSuccess,
  onResult,
  resetOnSuccess = true,
  disabledReason = null,
  status = "end",
  layout = "stack",
  framed = false,
  label,
  className,
  ...formProps
}: ActionFormProps<T>) {
  // Progressive enhancement only: the form's `action` before hydration.
  const [initial, fallbackAction] = useActionState(action, null);
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const busy = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const claimed = useRef(new Set<string>()).current;
  const reasonId = useId();
  const state = result ?? initial;

  useEffect(() => {
    if (!pending) busy.current = false;
  }, [pending]);

  // The outcome's follow-up (onResult, the reset, onSuccess) runs once per outcome — also for one
  // posted before hydration (`initial`): a parent on a slow phone who taps «Сменить пароль» before
  // the scripts ran is taken on once they run, as after a hydrated submit.
  const handled = useRef<ActionResult<T> | null>(null);
  useEffect(() => {
    if (!state || handled.current === state) return;
    handled.current = state;
    onResult?.(state);
    if (state.ok) {
      if (resetOnSuccess) formRef.current?.reset();
      onSuccess?.(state.data);
    }
  }, [state, onResult, onSuccess, resetOnSuccess]);

  const submit = useCallback(
    (e: React.FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      if (busy.current || disabledReason) return;
      busy.current = true;
      const form = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
      const prev = state;
      startTransition(async () => {
        let next: ActionResult<T>;
        try {
          next = await action(prev, form);
        } catch (error) {
          // A redirecting action (a new record's page): the router navigates on its own.
          if (isRedirect(error)) return;
          next = OFFLINE;
        }
        startTransition(() => setResult(next));
      });
    },
    [action, disabledReason, state],
  );

  const ctx: FormContextValue = {
    state: state as ActionResult<unknown> | null,
    pending,
    disabledReason,
    reasonId,
    success: success as Success<unknown> | undefined,
    claimed,
  };

  return (
    <FormContext.Provider value={ctx}>
      <form
        ref={formRef}
        action={fallbackAction}
        onSubmit={submit}
        aria-label={label}
        aria-busy={pending || undefined}
        className={cx(framed && "rounded border border-slate-200 bg-white p-3", className)}
        {...formProps}
      >
        <fieldset disabled={!!disabledReason} className={cx("m-0 min-w-0 border-0 p-0", LAYOUTS[layout])}>
          {children}
          {(submitLabel !== undefined || status === "end") && (
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              {submitLabel !== undefined && (
                <SubmitButton variant={submitVariant} size={size}>
                  {submitLabel}
                </SubmitButton>
              )}
              {status === "end" && <FormStatus size={size} />}
            </div>
          )}
        </fieldset>
      </form>
    </FormContext.Provider>
  );
}

/**
 * The outcome of an action: the success line (role=status), the refusal's message (role=alert)
 * with the messages of fields that have no field of their own, or the disabled-with-reason text.
 * Inside an ActionForm it reads the form's state; a form that keeps its own state (a wizard, a
 * file preview) passes `state` and `success`.
 */
export function FormStatus<T>({
  size = "md",
  className,
  state: own,
  success: ownSuccess,
}: {
  size?: ButtonSize;
  className?: string;
  state?: ActionResult<T> | null;
  success?: Success<T>;
}) {
  const ctx = useContext(FormContext);
  const text = size === "sm" ? "text-xs" : "text-sm";
  if (own === undefined && ctx?.disabledReason)
    return (
      <p id={ctx.reasonId} className={cx(text, "text-amber-800", className)}>
        {ctx.disabledReason}
      </p>
    );
  const state = (own === undefined ? ctx?.state : own) as ActionResult<T> | null | undefined;
  if (!state) return null;
  if (state.ok) {
    const done = successText(state.data, (own === undefined ? ctx?.success : ownSuccess) as Success<T> | undefined);
    // `success={null}`: nothing to say (the page itself shows the change).
    if (done === null || done === false) return null;
    return (
      <p role="status" className={cx(text, "text-emerald-700", className)}>
        {done}
      </p>
    );
  }
  const others = unclaimed(state.fieldErrors, own === undefined && ctx ? ctx.claimed : NONE, state.message);
  return (
    <div role="alert" className={cx(text, "text-red-700", className)}>
      <p>{state.message}</p>
      {others.length > 0 && (
        <ul className="list-disc pl-4">
          {others.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const NONE: ReadonlySet<string> = new Set();

/** Field messages not shown under a field of their own (and not already the main message). */
export function unclaimed(errors: FieldErrors | undefined, claimed: ReadonlySet<string>, message: string): string[] {
  if (!errors) return [];
  const out: string[] = [];
  for (const [name, list] of Object.entries(errors)) {
    if (claimed.has(name)) continue;
    for (const m of list) if (m !== message && !out.includes(m)) out.push(m);
  }
  return out;
}
