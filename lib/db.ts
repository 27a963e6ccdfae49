// The application's single PrismaClient (PostgreSQL through @prisma/adapter-pg).
//
// Created lazily on first use, so DATABASE_URL is read at that moment: tests
// set it per test file before touching `db`. Kept on globalThis so that Next.js
// hot reloading in development does not open a new pool on every edit.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/prisma/generated/prisma/client';

const DEFAULT_POOL_SIZE = 10;

type GlobalWithDb = typeof globalThis & { __ejournalPrisma?: PrismaClient };
const holder = globalThis as GlobalWithDb;

function poolSize(): number {
  const n = Number.parseInt(process.env.DATABASE_POOL_MAX ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_POOL_SIZE;
}

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      'DATABASE_URL не задан. Запускайте приложение через npm run dev / npm start ' +
        '(они поднимают встроенный PostgreSQL) или задайте DATABASE_URL явно.',
    );
  }
  const adapter = new PrismaPg({ connectionString, max: poolSize() });
  return new PrismaClient({ adapter });
}

/** The shared client, created on first call. */
export function getDb(): PrismaClient {
  holder.__ejournalPrisma ??= createClient();
  return holder.__ejournalPrisma;
}

/**
 * Lazy stand-in for the client: `db.user.findMany()` etc. create the real
 * PrismaClient on first property access.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
  has(_target, prop) {
    return Reflect.has(getDb(), prop);
  },
});

/** Closes the pool (if one was opened); the next use of `db` opens a new one. */
export async function disconnectDb(): Promise<void> {
  const client = holder.__ejournalPrisma;
  holder.__ejournalPrisma = undefined;
  await client?.$disconnect();
}
