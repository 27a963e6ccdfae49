// Well-known locations of the project, resolved from this file so that the
// tools work regardless of the current working directory.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the project root (the directory holding package.json). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Prisma schema written by hand. */
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");

/** Directory with `<timestamp>_<name>/migration.sql` folders. */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

/** Local state that is never committed (.gitignored). */
export const DATA_DIR = path.join(PROJECT_ROOT, ".data");

/** Data directory of the development/demo embedded PostgreSQL cluster. */
export const DEV_PG_DIR = path.join(DATA_DIR, "pg");

/** Data directory of the embedded PostgreSQL cluster used by tests. */
export const TEST_PG_DIR = path.join(DATA_DIR, "test-pg");

/** Preferred ports; a free one is picked when these are taken. */
export const DEV_PG_PORT = 54329;
export const TEST_PG_PORT = 54339;

/** Name of the application database on the embedded development server. */
export const APP_DATABASE = "ejournal";
