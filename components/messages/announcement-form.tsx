"use client";
// New announcement (MSG-3): to everyone, a role or a class, with an optional first and last day.
import { useState } from "react";
import { postAnnouncementAction } from "@/lib/messages/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Input, Select, Textarea } from "@/components/ui/field";
import { roleOptions } from "@/components/access/role-options";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { optionsOf } from "@/components/ui/options";

export function AnnouncementForm({ classes, kind }: { classes: { id: number; name: string }[]; kind: OrgKindName }) {
  const [audience, setAudience] = useState("ALL");
  // DAY-6: «Группе» and the college's role names at a college.
  const v = vocabulary(kind);
  const audiences = [
    { value: "ALL", label: "Всем" },
    { value: "ROLE", label: "Роли" },
    { value: "CLASS", label: cap(v.class.dat) },
  ];
  return (
    <ActionForm
      action={postAnnouncementAction}
      framed
      className="p-4"
      submitLabel="Опубликовать"
      success="Объявление опубликовано"
      onSuccess={() => setAudience("ALL")}
    >
      <h2 className="font-semibold">Новое объявление</h2>
      <Field label="Заголовок" name="title">
        <Input className="w-full" required maxLength={200} />
      </Field>
      <Field label="Текст" name="body">
        <Textarea required maxLength={5000} rows={4} />
      </Field>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Кому" name="audience">
          <Select value={audience} onChange={(e) => setAudience(e.target.value)} options={audiences} />
        </Field>
        {audience === "ROLE" && <Select name="role" aria-label="Роль" required options={roleOptions(kind)} />}
        {audience === "CLASS" && (
          <Select name="classId" aria-label={cap(v.class.nom)} required options={optionsOf(classes)} />
        )}
        <Field label="Показывать с" name="startsOn">
          <DateInput />
        </Field>
        <Field label="по" name="expiresOn">
          <DateInput />
        </Field>
      </div>
    </ActionForm>
  );
}
