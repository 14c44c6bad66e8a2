import { beforeAll, describe, expect, it } from "vitest";
import { reevaluateAllAlerts } from "../allowlist/suppression";
import { pool } from "../db/client";
import { hardened } from "../detection/rules/hardened";
import type { DetectionRule } from "../detection/rules/rule";
import { missed } from "../detection/rules/rule";
import { sentinelParity } from "../detection/rules/sentinel-parity";
import { giveEachFileATestDatabase } from "../testing/test-database";
import {
  eventVectors,
  sentinelRowEvent,
  storeEvents,
  storeVectorEvents,
} from "../testing/vector-events";
import { redetect } from "./redetect";

giveEachFileATestDatabase();

// The next version of each rule, injected: parity stops firing on CreateUser; hardened starts
// firing on AssumeRoleWithSAML (low severity) and words its explanations differently.
const PARITY = sentinelParity.version;
const parityV2: DetectionRule = {
  ...sentinelParity,
  version: PARITY + 1,
  evaluate: (input) =>
    input.row.EventName === "CreateUser"
      ? missed("version 2 leaves CreateUser out")
      : sentinelParity.evaluate(input),
};

const HARDENED = hardened.version;
const hardenedV2: DetectionRule = {
  ...hardened,
  version: HARDENED + 1,
  evaluate: (input) => {
    if (input.row.EventName === "AssumeRoleWithSAML") {
      const match = { severity: "low", confidence: "low", matched: "AssumeRoleWithSAML" } as const;
      return { matched: true, match: { ...match, explanation: "v2: SAML", groupKey: "" } };
    }
    const outcome = hardened.evaluate(input);
    if (!outcome.matched) return outcome;
    return {
      ...outcome,
      match: { ...outcome.match, explanation: `v2: ${outcome.match.explanation}` },
    };
  },
};

interface AlertState {
  id: string;
  status: string;
  resolution: string | null;
  classification: string | null;
  assignee: string | null;
  rule_version: number;
  suppressed_by_id: string | null;
  event_id: string;
  explanation: string;
}

const { events: vectors } = eventVectors();
let eventIds = new Map<string, bigint>();

async function alertOf(rule: string, vectorId: string): Promise<AlertState | undefined> {
  const result = await pool().query<AlertState>(
    `SELECT id::text, status, resolution, classification, assignee, rule_version,
       suppressed_by_id::text, event_id::text, explanation
     FROM alert WHERE rule = $1 AND event_id = $2`,
    [rule, eventIds.get(vectorId)?.toString()],
  );
  return result.rows[0];
}

async function alertCount(): Promise<number> {
  const result = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM alert");
  return result.rows[0]?.n ?? 0;
}

async function actorOf(vectorId: string): Promise<string> {
  const result = await pool().query<{ actor: string }>("SELECT actor FROM event WHERE id = $1", [
    eventIds.get(vectorId)?.toString(),
  ]);
  return result.rows[0]?.actor ?? "";
}

/** An allowlist entry matching exactly one actor, applied to the alerts as the store does. */
async function allowlist(actor: string): Promise<string> {
  const regex = `^${actor.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
  const result = await pool().query<{ id: string }>(
    `INSERT INTO allowlist_entry (id, name, actor_pattern, actor_regex, reason, owner, expires_at)
     VALUES (gen_random_uuid(), $1, $1, $2, 'test', 'soc', now() + interval '1 year')
     RETURNING id::text`,
    [actor, regex],
  );
  await reevaluateAllAlerts();
  return result.rows[0]?.id ?? "";
}

describe("re-evaluating stored events when rule versions change", () => {
  let suppressor = "";
  let samlSuppressor = "";

  beforeAll(async () => {
    eventIds = await storeVectorEvents(vectors);
    // One Azure operation's Started and Succeeded records: one hardened alert for both.
    const operation = ["Started", "Succeeded"].map((status, i) =>
      sentinelRowEvent("AzureActivity", `2025-06-01T08:00:0${i}Z`, {
        OperationNameValue: "Microsoft.Authorization/roleAssignments/write",
        ActivityStatusValue: status,
        CorrelationId: "corr-1",
        Caller: "mallory@contoso.com",
      }),
    );
    const [started, succeeded] = await storeEvents(operation);
    eventIds.set("OP-started", started as bigint);
    eventIds.set("OP-succeeded", succeeded as bigint);
  });

  it("raises every alert once on the first run, and nothing more on a forced second run", async () => {
    const first = await redetect({ batchSize: 7 });
    expect(first.rules.map((r) => [r.id, r.from, r.to])).toEqual([
      ["sentinel-parity", null, PARITY],
      ["hardened", null, HARDENED],
    ]);
    expect(first.events).toBe(vectors.length + 2);
    expect(first.added).toBe(await alertCount());

    const grouped = await pool().query<{ event_id: string }>(
      "SELECT event_id::text FROM alert WHERE rule = 'hardened' AND group_key LIKE 'azure-op:%'",
    );
    expect(grouped.rows.map((r) => r.event_id)).toEqual([eventIds.get("OP-succeeded")?.toString()]);

    const again = await redetect({ all: true, batchSize: 7 });
    expect(again).toMatchObject({ added: 0, updated: 0, reopened: 0, resolved: 0 });
    expect(await redetect()).toMatchObject({ rules: [], events: 0 });
  });

  it("on a version bump adds and closes alerts, keeping triage state and suppression", async () => {
    const w1 = await alertOf("sentinel-parity", "W1");
    const w3 = await alertOf("sentinel-parity", "W3");
    await pool().query("UPDATE alert SET status = 'acknowledged', assignee = 'ana' WHERE id = $1", [
      w1?.id,
    ]);
    await pool().query(
      `UPDATE alert SET status = 'closed', classification = 'true_positive', closed_at = now()
       WHERE id = $1`,
      [w3?.id],
    );
    await pool().query("UPDATE alert SET status = 'acknowledged' WHERE id = $1", [
      (await alertOf("sentinel-parity", "W9"))?.id,
    ]);
    suppressor = await allowlist(await actorOf("W5"));
    samlSuppressor = await allowlist(await actorOf("W7"));
    const before = await alertCount();

    const summary = await redetect({ rules: [parityV2, hardenedV2], batchSize: 7 });

    expect(summary.rules.map((r) => [r.id, r.from, r.to])).toEqual([
      ["sentinel-parity", PARITY, PARITY + 1],
      ["hardened", HARDENED, HARDENED + 1],
    ]);
    expect(summary).toMatchObject({ added: 1, resolved: 2, reopened: 0 });
    expect(await alertCount()).toBe(before + 1);

    expect(await alertOf("sentinel-parity", "W1")).toMatchObject({
      status: "closed",
      resolution: "rule_changed",
      assignee: "ana",
      rule_version: PARITY,
    });
    expect(await alertOf("sentinel-parity", "W3")).toMatchObject({
      status: "closed",
      resolution: "rule_changed",
      classification: "true_positive",
    });
    expect(await alertOf("sentinel-parity", "W9")).toMatchObject({
      status: "acknowledged",
      resolution: null,
      rule_version: PARITY + 1,
    });
    expect(await alertOf("sentinel-parity", "W5")).toMatchObject({
      suppressed_by_id: suppressor,
      rule_version: PARITY + 1,
    });
    const saml = await alertOf("hardened", "W7");
    expect(saml).toMatchObject({
      status: "open",
      rule_version: HARDENED + 1,
      explanation: "v2: SAML",
    });
    expect(saml?.suppressed_by_id).toBe(samlSuppressor);
    expect((await alertOf("hardened", "W5"))?.explanation).toMatch(/^v2: /);

    const history = await pool().query<{ field: string; old_value: string; new_value: string }>(
      "SELECT field, old_value, new_value FROM alert_change WHERE alert_id = $1 AND by = 'system'",
      [w1?.id],
    );
    expect(history.rows).toEqual(
      expect.arrayContaining([
        { field: "status", old_value: "acknowledged", new_value: "closed" },
        { field: "resolution", old_value: null, new_value: "rule_changed" },
      ]),
    );
    expect(await redetect({ rules: [parityV2, hardenedV2] })).toMatchObject({ rules: [] });
  });

  it("on going back, reopens what Tripline closed and leaves an analyst's close alone", async () => {
    const summary = await redetect({ rules: [sentinelParity, hardened], batchSize: 7 });

    expect(summary).toMatchObject({ added: 0, reopened: 2, resolved: 1 });
    expect(await alertOf("sentinel-parity", "W1")).toMatchObject({
      status: "open",
      resolution: null,
      assignee: "ana",
      rule_version: PARITY,
    });
    expect(await alertOf("sentinel-parity", "W3")).toMatchObject({
      status: "closed",
      resolution: null,
      classification: "true_positive",
    });
    expect(await alertOf("hardened", "W7")).toMatchObject({
      status: "closed",
      resolution: "rule_changed",
      suppressed_by_id: samlSuppressor,
    });
  });
});
