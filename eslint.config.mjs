// Lint: TypeScript rules plus the layer rules of ARCHITECTURE.md — only lib/**/data.ts,
// lib/**/mutations.ts and lib/db.ts may import the Prisma client; the interface kit
// (components/ui) imports nothing from lib/** but lib/errors; outside the kit no raw
// <button>/<input>/<select>/<textarea> is styled (compose the kit instead). The rules are shown
// failing on bad fixtures by tests/unit/lint-rules.test.ts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const prismaImports = {
  patterns: [
    {
      group: [
        "@prisma/client",
        "@prisma/client/*",
        "@/lib/db",
        "**/lib/db",
        "**/generated/prisma",
        "**/generated/prisma/*",
        "@/prisma/generated/**",
        "@prisma/adapter-pg",
      ],
      message:
        "Только lib/**/data.ts, lib/**/mutations.ts и lib/db.ts обращаются к Prisma (ARCHITECTURE.md, «Layers»).",
    },
  ],
};

const kitImports = {
  patterns: [
    ...prismaImports.patterns,
    {
      group: ["@/lib/*", "!@/lib/errors", "**/lib/*", "!**/lib/errors"],
      message: "components/ui — общий набор интерфейса: из lib/** он берёт только lib/errors (ARCHITECTURE.md, «UI»).",
    },
  ],
};

// A raw control with its own classes: the look belongs to components/ui (Button, Input, Select,
// Textarea, Checkbox, DataTable …). A genuinely different widget (the journal grid's cell editor)
// says why in an eslint-disable comment.
const rawStyledControl = {
  selector:
    "JSXOpeningElement[name.name=/^(button|input|select|textarea)$/]:has(> JSXAttribute[name.name=/^(className|style)$/])",
  message:
    "Кнопки и поля оформляются через components/ui (Button, SubmitButton, Input, Select, Textarea, Checkbox …), а не своими классами (ARCHITECTURE.md, «UI»).",
};

// Files not yet moved onto the kit (issue 19 item 1, phase 2): this list only shrinks.
const kitPending = [
  "app/(app)/admin/visits/page.tsx",
  "app/(app)/audit/page.tsx",
  "app/(app)/control/activity/page.tsx",
  "app/(app)/control/page.tsx",
  "app/(app)/control/remarks/page.tsx",
  "app/(app)/journal/attendance/page.tsx",
  "app/(app)/people/classes/\\[classId\\]/page.tsx",
  "app/(app)/people/movement/page.tsx",
  "app/(app)/people/page.tsx",
  "app/(app)/schedule/changes/page.tsx",
  "app/(app)/schedule/edit/page.tsx",
  "app/(app)/schedule/events/page.tsx",
  "app/(app)/schedule/exams/page.tsx",
  "app/(app)/schedule/setup/page.tsx",
  "components/access/matrix-form.tsx",
  "components/archive/archive-forms.tsx",
  "components/auth/change-password-form.tsx",
  "components/auth/oidc-button.tsx",
  "components/auth/organisation-picker.tsx",
  "components/auth/sign-in-form.tsx",
  "components/auth/sign-out-button.tsx",
  "components/control/filter-bits.tsx",
  "components/control/remark-form.tsx",
  "components/control/remark-move.tsx",
  "components/finals/finals-picker.tsx",
  "components/finals/finals-table.tsx",
  "components/journal/cell-bar.tsx",
  "components/journal/journal-grid.tsx",
  "components/journal/journal-picker.tsx",
  "components/journal/lesson-panel.tsx",
  "components/journal/protocol-form.tsx",
  "components/journal/reasons-form.tsx",
  "components/journal/unlock-decision.tsx",
  "components/messages/announcement-form.tsx",
  "components/messages/compose-form.tsx",
  "components/messages/delete-announcement.tsx",
  "components/messages/forum-forms.tsx",
  "components/org/directory-table.tsx",
  "components/org/subgroup-members.tsx",
  "components/org/year-wizard.tsx",
  "components/people/field-form.tsx",
  "components/people/import-wizard.tsx",
  "components/people/issue-table.tsx",
  "components/people/login-active-button.tsx",
  "components/people/staff-create-form.tsx",
  "components/people/unlink-child-button.tsx",
  "components/people/unlock-button.tsx",
  "components/plans/binding-table.tsx",
  "components/plans/copy-form.tsx",
  "components/plans/create-plan-form.tsx",
  "components/plans/import-form.tsx",
  "components/plans/topic-editor.tsx",
  "components/plans/workflow-forms.tsx",
  "components/profile/push-panel.tsx",
  "components/profile/token-panel.tsx",
  "components/reports/job-buttons.tsx",
  "components/reports/report-form.tsx",
  "components/schedule/action-form.tsx",
  "components/schedule/delete-entry-button.tsx",
  "components/schedule/entry-form.tsx",
  "components/schedule/feed-panel.tsx",
  "components/schedule/generate-form.tsx",
  "components/schedule/view-picker.tsx",
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".data/",
      "prisma/generated/",
      "next-env.d.ts",
      "test-results/",
      "playwright-report/",
      "bench/.work/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/db.ts", "lib/**/data.ts", "lib/**/mutations.ts"],
    rules: { "no-restricted-imports": ["error", prismaImports] },
  },
  {
    files: ["components/ui/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", kitImports] },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/**", ...kitPending],
    rules: { "no-restricted-syntax": ["error", rawStyledControl] },
  },
);
