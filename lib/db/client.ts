import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { logger } from "../log";
import { connectionErrorFields } from "./connection-error";
import { databaseUrl } from "./database-url";
import { PrismaClient } from "./generated/client";

const log = logger("db");

interface Connection {
  pool: pg.Pool;
  prisma: PrismaClient;
}

// One pool per process, shared by Prisma (through its driver adapter) and the bulk writer.
// Kept on globalThis so Next's dev-mode reloads do not open a new pool per edit.
const holder = globalThis as typeof globalThis & { trplConnection?: Connection };

function connection(): Connection {
  if (!holder.trplConnection) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 10 });
    // A client whose server connection drops (a database restart, or its shutdown while a
    // scheduler run holds a lock connection: 57P01) emits "error", checked out or idle; left
    // unhandled it would end the process. Logged once, here, by message and code only; the pool
    // discards such a client (on release, or at once when idle) and opens a new one.
    pool.on("connect", (client) => {
      client.on("error", (error) =>
        log.warn(connectionErrorFields(error), "database connection lost"),
      );
    });
    // The pool re-emits an idle client's error; the client's own listener above logged it.
    pool.on("error", () => undefined);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    holder.trplConnection = { pool, prisma };
  }
  return holder.trplConnection;
}

/** The Prisma client. Only data modules (`lib/<domain>/*-store.ts`, `queries.ts`) call this. */
export function db(): PrismaClient {
  return connection().prisma;
}

/** The pg pool behind Prisma, for bulk paths (COPY, set-based SQL) that Prisma cannot express. */
export function pool(): pg.Pool {
  return connection().pool;
}

/** Closes the pool; the next call to db() or pool() opens a new one. */
export async function disconnect(): Promise<void> {
  const current = holder.trplConnection;
  holder.trplConnection = undefined;
  if (!current) return;
  await current.prisma.$disconnect();
  await current.pool.end().catch(() => undefined);
}
