import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NormalizedEvent } from "../events/types";
import { openLogFile } from "../ingest/open-log-file";
import { SAMPLES_DIR } from "../testing/fixtures";
import { evaluateRules } from "./evaluate";

interface Label {
  file: string;
  line: number;
  table: string;
  records: number;
  parity: boolean;
  hardened: boolean;
  panther_test: string;
}

const PANTHER_DIR = path.join(SAMPLES_DIR, "panther-analysis");
const labels: Label[] = JSON.parse(
  readFileSync(path.join(PANTHER_DIR, "cases-labels.json"), "utf8"),
);

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

/** The events one line of a panther file holds, read the way an upload reads them. */
async function eventsOfLine(file: string, line: number): Promise<NormalizedEvent[]> {
  const text = readFileSync(path.join(PANTHER_DIR, file), "utf8").split("\n")[line - 1] ?? "";
  const logFile = await openLogFile(bytes(`${text}\n`));
  const events: NormalizedEvent[] = [];
  for await (const record of logFile.records)
    if (record.kind === "event") events.push(record.event);
  return events;
}

function fires(events: NormalizedEvent[], rule: string): boolean {
  return events.some((event) =>
    evaluateRules({ table: event.table, timeGenerated: event.eventTime, row: event.sentinel }).some(
      (result) => result.ruleId === rule && result.outcome.matched,
    ),
  );
}

describe("panther-analysis test events, line by line", () => {
  it("has a label for every line", () => {
    expect(labels.length).toBe(60);
  });

  it.each(labels.map((l) => [`${l.file}:${l.line} ${l.panther_test}`, l] as const))(
    "%s",
    async (_name, label) => {
      const events = await eventsOfLine(label.file, label.line);
      expect(events).toHaveLength(label.records);
      expect(events.every((e) => e.table === label.table)).toBe(true);
      expect(fires(events, "sentinel-parity")).toBe(label.parity);
      expect(fires(events, "hardened")).toBe(label.hardened);
    },
  );
});
