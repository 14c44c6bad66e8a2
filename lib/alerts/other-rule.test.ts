import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { redetect } from "../redetect/redetect";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { eventVectors, storeVectorEvents } from "../testing/vector-events";
import { otherRuleView } from "./other-rule";
import { getAlert } from "./queries";

giveEachFileATestDatabase();

let eventIds = new Map<string, bigint>();

/** The stored alert of `rule` on a vector's event, with its event, as the alert page reads it. */
async function alertOn(rule: string, vectorId: string) {
  const result = await pool().query<{ id: string }>(
    "SELECT id FROM alert WHERE rule = $1 AND event_id = $2",
    [rule, eventIds.get(vectorId)?.toString()],
  );
  const id = result.rows[0]?.id;
  const alert = id === undefined ? null : await getAlert(BigInt(id));
  if (alert === null) throw new Error(`no ${rule} alert on ${vectorId}`);
  return alert;
}

describe("the other rule's view of an alert's event", () => {
  beforeAll(async () => {
    eventIds = await storeVectorEvents(eventVectors().events);
    await redetect();
  });

  it("says why parity misses what hardened raised (an assumed role without an error)", async () => {
    const view = await otherRuleView(await alertOn("hardened", "W2"));
    expect(view).toMatchObject({
      rule: { id: "sentinel-parity" },
      fires: false,
      reason: "it excludes AssumedRole callers without an error",
      disagreement:
        "Sentinel parity misses this: it excludes AssumedRole callers without an error.",
      otherAlertId: null,
      ownRuleFires: true,
    });
  });

  it("says why hardened drops what parity raised (an AWS service assuming a role)", async () => {
    const view = await otherRuleView(await alertOn("sentinel-parity", "W6"));
    expect(view).toMatchObject({ rule: { id: "hardened" }, fires: false, otherAlertId: null });
    expect(view?.disagreement).toBe(`Hardened rule drops this: ${view?.reason}.`);
  });

  it("links the other rule's alert when both fire, and finds no disagreement", async () => {
    const parity = await alertOn("sentinel-parity", "W1");
    const hardened = await alertOn("hardened", "W1");
    const view = await otherRuleView(parity);
    expect(view).toMatchObject({ fires: true, disagreement: null, otherAlertId: hardened.id });
    expect(view?.reason).toContain("CreateUser");
  });
});
