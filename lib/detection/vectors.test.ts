import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SOURCE_TABLES } from "../events/types";
import { hardened } from "./rules/hardened";
import type { RuleInput } from "./rules/rule";
import { sentinelQueryReturns } from "./rules/sentinel-query";
import { sentinelRow } from "./test-input";

const EventsFile = z.object({
  now: z.iso.datetime(),
  events: z.array(
    z.object({
      id: z.string(),
      table: z.enum(SOURCE_TABLES),
      TimeGenerated: z.iso.datetime(),
      fields: z.record(z.string(), z.string()),
      sentinelParity: z.boolean(),
      hardened: z.boolean(),
      note: z.string(),
    }),
  ),
});

const file = EventsFile.parse(
  JSON.parse(readFileSync(path.resolve("fixtures/vectors/events.json"), "utf8")),
);
const now = new Date(file.now);

const cases = file.events.map((event) => {
  const input: RuleInput = {
    table: event.table,
    timeGenerated: new Date(event.TimeGenerated),
    row: sentinelRow(event.table, event.fields),
  };
  return { ...event, input };
});

describe("events.json verdicts", () => {
  it("reads all 26 events", () => {
    expect(cases).toHaveLength(26);
  });

  it.each(cases)("$id sentinelParity=$sentinelParity ($note)", ({ input, sentinelParity }) => {
    expect(sentinelQueryReturns(input, now)).toBe(sentinelParity);
  });

  it.each(cases)("$id hardened=$hardened", ({ input, hardened: expected }) => {
    expect(hardened.evaluate(input).matched).toBe(expected);
  });
});
