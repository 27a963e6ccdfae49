"use client";
// The last step of an import's preview: «Импортировать N стр.» (the form's confirm intent) and
// «Отмена» — nothing was written; the chosen file is forgotten, the form's other fields stay.
import { Button } from "./button";
import { SubmitButton } from "./submit-button";

export function ImportConfirm({ valid, onCancel }: { valid: number; onCancel: () => void }) {
  return (
    <div className="flex gap-3">
      <SubmitButton name="intent" value="confirm" disabled={valid === 0}>
        Импортировать {valid} стр.
      </SubmitButton>
      <Button
        variant="secondary"
        type="button"
        onClick={(e) => {
          const file = e.currentTarget.form?.elements.namedItem("file");
          if (file instanceof HTMLInputElement) file.value = "";
          onCancel();
        }}
      >
        Отмена
      </Button>
    </div>
  );
}
