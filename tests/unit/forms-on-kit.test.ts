// DAY-8: every form that runs a server action does it through the kit's ActionForm (components/ui):
// pending state, the result beside the form through FormStatus, input kept on refusal. A component
// running its own `useActionState` (or hand-dispatching an action in a transition) bypasses all of
// that, so none may remain outside the kit.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../support/source-files";

const root = path.resolve(__dirname, "../..");

const sources = (dir: string) => sourceFiles(dir);

const files = [...sources(path.join(root, "components")), ...sources(path.join(root, "app"))].filter(
  (f) => !f.includes(`${path.sep}components${path.sep}ui${path.sep}`),
);

describe("forms on the kit (DAY-8)", () => {
  it("no component outside components/ui runs its own useActionState", () => {
    const own = files.filter((f) => /\buseActionState\b/.test(readFileSync(f, "utf8")));
    expect(own.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("the forms moved in DAY-8 use ActionForm", () => {
    const moved = [
      "components/plans/create-plan-form.tsx",
      "components/plans/import-form.tsx",
      "components/plans/topic-editor.tsx",
      "components/plans/binding-table.tsx",
      "components/plans/copy-form.tsx",
      "components/journal/lesson-panel.tsx",
      "components/journal/protocol-form.tsx",
      "components/journal/unlock-decision.tsx",
      "components/auth/change-password-form.tsx",
      "components/org/subgroup-members.tsx",
      "components/org/year-wizard.tsx",
      "components/org/directory-table.tsx",
      "components/profile/token-panel.tsx",
      "components/control/remark-form.tsx",
      "components/schedule/delete-entry-button.tsx",
      "components/schedule/feed-panel.tsx",
      "components/schedule/entry-form.tsx",
      "components/messages/delete-announcement.tsx",
      "components/messages/compose-form.tsx",
      "components/messages/forum-forms.tsx",
      "components/archive/archive-forms.tsx",
      "components/people/import-wizard.tsx",
      "components/people/staff-create-form.tsx",
    ];
    // The kit's own forms built on ActionForm (a preview step, a secret shown once, a one-button form) count too.
    const onKit = /<(ActionForm|PreviewForm|SecretForm|FormButton)\b/;
    const without = moved.filter((f) => !onKit.test(readFileSync(path.join(root, f), "utf8")));
    expect(without).toEqual([]);
  });
});
