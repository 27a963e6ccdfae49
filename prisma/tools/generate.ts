// `npm run db:generate` (also run by postinstall): `prisma generate` without
// any network access. The `prisma-client` generator needs no engine binary,
// so the schema engine is pointed at /bin/false to keep Prisma from trying to
// download one; telemetry and update checks are disabled.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT, SCHEMA_PATH } from "./paths";

/** Environment that keeps the Prisma CLI offline. */
export function offlinePrismaEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    PRISMA_SCHEMA_ENGINE_BINARY: base.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
  };
}

/** Absolute path of the Prisma CLI entry point. */
export function prismaCli(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("prisma/package.json");
  const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8")) as { bin: { prisma: string } };
  return path.join(path.dirname(pkgPath), pkg.bin.prisma);
}

/** Runs `prisma generate`; returns the exit code. */
export function generate(schemaPath: string = SCHEMA_PATH): number {
  const r = spawnSync(process.execPath, [prismaCli(), "generate", "--schema", schemaPath], {
    cwd: PROJECT_ROOT,
    env: offlinePrismaEnv(),
    stdio: "inherit",
  });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function main(): number {
  const args = process.argv.slice(2);
  const i = args.indexOf("--schema");
  const schemaPath = i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : SCHEMA_PATH;
  if (!fs.existsSync(schemaPath)) {
    if (args.includes("--if-present")) {
      console.warn(`Схема ${path.relative(PROJECT_ROOT, schemaPath)} не найдена — генерация клиента Prisma пропущена.`);
      return 0;
    }
    console.error(`Схема Prisma не найдена: ${schemaPath}`);
    return 1;
  }
  const code = generate(schemaPath);
  if (code !== 0) console.error(`prisma generate завершился с кодом ${code}`);
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
