import { randomBytes } from "node:crypto";
import { pool } from "../../db/client";
import { SourceSettings } from "../settings";
import { createSource } from "../source-store";
import type { PullTuning } from "../tuning";

/** Back-off shortened for tests; Retry-After is still honoured in full. */
export const FAST_RETRIES: Partial<PullTuning> = {
  baseDelayMs: 20,
  maxDelayMs: 100,
  connectTimeoutMs: 2_000,
  requestTimeoutMs: 15_000,
};

/** Gives this test process a sealing key of its own. */
export function useTestSecretKey(): void {
  process.env.TRIPLINE_SECRET_KEY = randomBytes(32).toString("hex");
}

/** Adds a source as an admin would; `settings` is checked by the same schema as the form. */
export async function addTestSource(
  settings: Record<string, unknown>,
  secrets: { secretAccessKey?: string; clientSecret?: string; certificatePem?: string },
): Promise<string> {
  return createSource(
    {
      name: `test ${String(settings.kind)} ${randomBytes(3).toString("hex")}`,
      intervalMinutes: 60,
      enabled: true,
      settings: SourceSettings.parse(settings),
      secrets,
    },
    "test",
  );
}

export async function storedEvents(): Promise<number> {
  const { rows } = await pool().query<{ n: string }>("SELECT count(*) AS n FROM event");
  return Number(rows[0]?.n ?? 0);
}

/** Alerts per rule: parity (Sentinel's rule) and hardened. */
export async function alertCounts(): Promise<{ parity: number; hardened: number }> {
  const { rows } = await pool().query<{ rule: string; n: string }>(
    "SELECT rule, count(*) AS n FROM alert GROUP BY rule",
  );
  const of = (rule: string) => Number(rows.find((r) => r.rule === rule)?.n ?? 0);
  return { parity: of("sentinel-parity"), hardened: of("hardened") };
}

/** Empties what the pulls stored, between the cases of one test file. */
export async function clearStoredData(): Promise<void> {
  await pool().query(
    `TRUNCATE event, alert, ingest_job, ingest_file, pull_source, pull_run, pull_object,
       pull_rate_slot CASCADE`,
  );
}
