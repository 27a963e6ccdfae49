// Prisma 7 configuration. Prisma 7 does not read .env by itself: DATABASE_URL
// comes from the environment (npm start / npm run dev set it for the embedded
// server). The migration tooling lives in prisma/tools (offline, see there).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL,
  },
});
