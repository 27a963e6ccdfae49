"use client";
// Small forms of the absence pages: withdraw an absence (DUT-3); accept or decline a parent's
// notice (DUT-4). Each shows the server's Russian answer next to it (the kit's FormStatus, issue 19).
import { decideNoticeAction, withdrawAbsenceAction } from "@/lib/absences/actions";
import { ABSENCE_REASON_LABELS, ABSENCE_REASONS } from "@/lib/absences/rules";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input, Select } from "@/components/ui/field";

const REASON_OPTIONS = ABSENCE_REASONS.map((r) => ({ value: r, label: ABSENCE_REASON_LABELS[r] }));

export function WithdrawAbsence({ absenceId }: { absenceId: number }) {
  return (
    <ActionForm
      action={withdrawAbsenceAction}
      layout="inline"
      size="sm"
      submitVariant="danger"
      submitLabel="Отменить"
      className="inline-flex"
    >
      <input type="hidden" name="absenceId" value={absenceId} />
    </ActionForm>
  );
}

export function NoticeDecision({ noticeId, reason }: { noticeId: number; reason: string }) {
  return (
    <div className="flex flex-wrap items-end gap-4">
      <ActionForm action={decideNoticeAction} label="Принять" layout="inline" size="sm" submitLabel="Принять">
        <input type="hidden" name="noticeId" value={noticeId} />
        <input type="hidden" name="decision" value="accept" />
        <Field label="Причина" name="reason" size="sm">
          <Select defaultValue={reason} options={REASON_OPTIONS} />
        </Field>
      </ActionForm>
      <ActionForm
        action={decideNoticeAction}
        label="Отклонить"
        layout="inline"
        size="sm"
        submitVariant="danger"
        submitLabel="Отклонить"
      >
        <input type="hidden" name="noticeId" value={noticeId} />
        <input type="hidden" name="decision" value="decline" />
        <Field label="Причина отказа" name="declineReason" size="sm">
          <Input required minLength={3} maxLength={500} />
        </Field>
      </ActionForm>
    </div>
  );
}
