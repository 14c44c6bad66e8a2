import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env file itself and its env() helper throws when a variable is unset, which
// would break `prisma generate` on a machine that has no database configured yet.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
