"use client";
// New announcement (MSG-3): to everyone, a role or a class, with an optional first and last day.
import { useState } from "react";
import { postAnnouncementAction } from "@/lib/messages/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Input, Select, Textarea } from "@/components/ui/field";
import { ROLE_OPTIONS } from "@/components/access/role-options";
import { optionsOf } from "@/components/ui/options";

export function AnnouncementForm({ classes }: { classes: { id: number; name: string }[] }) {
  const [audience, setAudience] = useState("ALL");
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
      <label className="block text-sm">
        <span className="font-medium">Заголовок</span>
        <Input className="w-full" name="title" required maxLength={200} />
      </label>
      <label className="block text-sm">
        <span className="font-medium">Текст</span>
        <Textarea className="w-full" name="body" required maxLength={5000} rows={4} />
      </label>
      <div className="flex flex-wrap gap-3 text-sm">
        <label>
          <span className="mr-1 font-medium">Кому</span>
          <Select name="audience" value={audience} onChange={(e) => setAudience(e.target.value)}>
            <option value="ALL">Всем</option>
            <option value="ROLE">Роли</option>
            <option value="CLASS">Классу</option>
          </Select>
        </label>
        {audience === "ROLE" && (
          <label>
            <span className="sr-only">Роль</span>
            <Select name="role" required options={ROLE_OPTIONS} />
          </label>
        )}
        {audience === "CLASS" && (
          <label>
            <span className="sr-only">Класс</span>
            <Select name="classId" required options={optionsOf(classes)} />
          </label>
        )}
        <label>
          <span className="mr-1 font-medium">Показывать с</span>
          <DateInput name="startsOn" />
        </label>
        <label>
          <span className="mr-1 font-medium">по</span>
          <DateInput name="expiresOn" />
        </label>
      </div>
    </ActionForm>
  );
}
