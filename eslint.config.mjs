// Lint: TypeScript rules plus the layer rule of ARCHITECTURE.md — only lib/**/data.ts,
// lib/**/mutations.ts and lib/db.ts may import the Prisma client.
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
);
