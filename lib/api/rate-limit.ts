// API-2, SEC-5: the API rate limit is per user — all of a user's tokens and their browser session
// draw on one budget (twenty tokens do not buy twenty budgets). rate-limiter-flexible (well kept,
// no dependencies) with its memory store: the app runs as one Node process (`npm start`), so an
// in-process counter is exact and costs no database round trip per request. Several processes
// behind a balancer would switch to its RateLimiterPostgres store with the same interface.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Requests per minute per user (tokens and session together); `API_RATE_LIMIT_PER_MINUTE` overrides. */
export const DEFAULT_RATE_PER_MINUTE = 120;

let limiter: RateLimiterMemory | null = null;

/** The one budget key of a user, whatever credential the request carries (SEC-5). */
export function userBudgetKey(organisationId: number, userId: number): string {
  return `user:${organisationId}:${userId}`;
}

function rate(): number {
  const n = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_RATE_PER_MINUTE;
}

/** Takes one request from the key's budget: null when allowed, else seconds to wait. */
export async function takeRequest(key: string): Promise<number | null> {
  // A changed setting (tests) takes effect with a fresh counter.
  if (limiter?.points !== rate()) limiter = new RateLimiterMemory({ points: rate(), duration: 60 });
  try {
    await limiter.consume(key);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}
