import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { markInterruptedJobs } from "./job-liveness";

giveEachFileATestDatabase();

/** The id of a process that has just ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid as number;
  await new Promise((resolve) => child.once("exit", resolve));
  return pid;
}

async function job(
  name: string,
  owner: { host: string | null; pid: number | null },
  heartbeatAgoSeconds: number | null,
): Promise<string> {
  const result = await pool().query<{ id: string }>(
    `INSERT INTO ingest_job (id, origin, status, owner_host, owner_pid, heartbeat_at)
     VALUES (gen_random_uuid(), $1, 'running', $2, $3,
             CASE WHEN $4::int IS NULL THEN NULL ELSE now() - make_interval(secs => $4::int) END)
     RETURNING id`,
    [name, owner.host, owner.pid, heartbeatAgoSeconds],
  );
  const id = result.rows[0]?.id as string;
  await pool().query(
    `INSERT INTO ingest_file (id, job_id, name, status, records, bytes_read)
     VALUES (gen_random_uuid(), $1, 'f.json', 'running', 1200, 4096)`,
    [id],
  );
  return id;
}

async function statusOf(id: string): Promise<{ job: string; file: string; records: number }> {
  const result = await pool().query(
    `SELECT j.status AS job, f.status AS file, f.records FROM ingest_job j
       JOIN ingest_file f ON f.job_id = j.id WHERE j.id = $1`,
    [id],
  );
  return result.rows[0];
}

describe("jobs whose process is gone", () => {
  beforeEach(async () => {
    await pool().query("TRUNCATE ingest_file, ingest_job CASCADE");
  });

  it("are marked interrupted: a dead process here, a lapsed lease elsewhere", async () => {
    const here = hostname();
    const killed = await job("killed", { host: here, pid: await deadPid() }, 1);
    const alive = await job("alive", { host: here, pid: process.pid }, 120);
    const silentElsewhere = await job("elsewhere", { host: "other-host", pid: 1 }, 120);
    const busyElsewhere = await job("busy", { host: "other-host", pid: 1 }, 2);
    const legacy = await job("legacy", { host: null, pid: null }, null);

    const marked = await markInterruptedJobs();

    expect(marked.sort()).toEqual([killed, silentElsewhere, legacy].sort());
    expect(await statusOf(killed)).toEqual({
      job: "interrupted",
      file: "interrupted",
      records: 1200,
    });
    expect((await statusOf(alive)).job).toBe("running");
    expect((await statusOf(busyElsewhere)).job).toBe("running");
    const file = await pool().query("SELECT stored, errors FROM ingest_file f WHERE job_id = $1", [
      killed,
    ]);
    expect(file.rows[0].stored).toBe(0);
    expect(file.rows[0].errors[0].message).toMatch(/nothing from it was stored/);
    expect(await markInterruptedJobs()).toEqual([]);
  });
});
