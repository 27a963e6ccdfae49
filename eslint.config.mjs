// Lint: TypeScript rules plus the layer rules of ARCHITECTURE.md — only lib/**/data.ts,
// lib/**/mutations.ts and lib/db.ts may import the Prisma client; the interface kit
// (components/ui) imports nothing from lib/** but lib/errors; outside the kit no raw
// <button>/<input>/<select>/<textarea> is styled (compose the kit instead); outside lib/access
// nothing imports the gate's internals (actorFacts, decide, effectiveScopes …); outside lib/audit
// nothing calls recordAudit (a change's audit row is auditChange); lib/ and the seed sort Russian text
// with lib/org/collation.ts, not a collator built per call; links come from components/ui/link.tsx
// (no prefetch of every visible link, no client component per link), never next/link. The rules are shown failing on bad fixtures
// by tests/unit/lint-rules.test.ts.
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

// The gate's internals (issue 19 item 2): outside lib/access code enters through guard.ts,
// authorize.ts (authorize / authorizeAny / permissionsOn) and scope.ts (listScope, actorRelations).
const gateInternals = {
  group: ["@/lib/access/*", "**/lib/access/*", "./access/*", "../access/*"],
  importNames: [
    "actorFacts",
    "decide",
    "effectiveScopes",
    "factsFor",
    "withPastYears",
    "scopeAdmits",
    "loadActorFacts",
  ],
  message:
    "Внутренности шлюза доступа (actorFacts, decide, effectiveScopes …) — только в lib/access; снаружи — guard.ts, authorize, listScope (ARCHITECTURE.md, «The gate's door»).",
};

// Issue 22 (the evening peak): next/link prefetches every link that scrolls into view and is a client
// component per link; the app's links come from components/ui/link.tsx — a plain anchor that the app's one
// listener opens on the client (components/ui/soft-nav.tsx) — and nothing imports next/link, the kit neither.
const nextLinkImport = {
  group: ["next/link"],
  message:
    "Ссылки приложения — Link из components/ui/link.tsx (обычная ссылка без предзагрузки; переход без перезагрузки — общий обработчик components/ui/soft-nav.tsx), а не next/link (issue 22).",
};

const outsideGateImports = { patterns: [...prismaImports.patterns, gateInternals, nextLinkImport] };

const kitImports = {
  patterns: [
    ...prismaImports.patterns,
    {
      group: ["@/lib/*", "!@/lib/errors", "**/lib/*", "!**/lib/errors"],
      message: "components/ui — общий набор интерфейса: из lib/** он берёт только lib/errors (ARCHITECTURE.md, «UI»).",
    },
  ],
};

const kitImportsWithLink = { patterns: [...kitImports.patterns, nextLinkImport] };

// AUTH-5: a change's audit row is written by auditChange(tx, who, action, [entity, id], details), the
// one shape of it; recordAudit (the raw append under the chain's lock) stays inside lib/audit. A rule
// of its own (typescript-eslint's copy of no-restricted-imports), so it adds to the Prisma and gate
// rules above instead of replacing them per folder.
const auditInternals = {
  patterns: [
    {
      group: ["@/lib/audit/*", "**/lib/audit/*", "./audit/*", "../audit/*", "../../audit/*", "../../../audit/*"],
      importNames: ["recordAudit"],
      message:
        "Запись аудита изменения — auditChange(tx, who, action, [entity, id], details); recordAudit — только внутри lib/audit (ARCHITECTURE.md, «Shared pieces»).",
    },
  ],
};

// Issue 19 leftover 5: `a.localeCompare(b, "ru")` builds an Intl.Collator on every call; lib/org/collation.ts
// keeps one (compareRu, compareRuNumeric) that sorts the same.
const collatorPerCall = {
  selector: "CallExpression[callee.property.name='localeCompare'][arguments.1.value='ru']",
  message:
    'Русская сортировка — compareRu / compareRuNumeric из lib/org/collation.ts (один Intl.Collator), а не localeCompare(…, "ru") на каждое сравнение.',
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
    rules: { "no-restricted-imports": ["error", outsideGateImports] },
  },
  {
    files: ["lib/**/data.ts", "lib/**/mutations.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [gateInternals] }] },
  },
  {
    files: ["lib/access/**/*.{ts,tsx}"],
    ignores: ["lib/access/data.ts", "lib/access/mutations.ts"],
    rules: { "no-restricted-imports": ["error", prismaImports] },
  },
  {
    files: ["lib/access/data.ts", "lib/access/mutations.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // components/ui/link.tsx included: it is a plain anchor now (issue 22: one soft navigation, no next/link).
    files: ["components/ui/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", kitImportsWithLink] },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/**"],
    rules: { "no-restricted-syntax": ["error", rawStyledControl] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "prisma/**/*.ts", "bench/**/*.ts"],
    ignores: ["lib/audit/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", auditInternals] },
  },
  {
    files: ["lib/**/*.ts", "prisma/seed/**/*.ts", "prisma/tools/**/*.ts"],
    ignores: ["lib/org/collation.ts"],
    rules: { "no-restricted-syntax": ["error", collatorPerCall] },
  },
);
