import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { sentinelParity } from "../detection/rules/sentinel-parity";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { eventVectors, storeVectorEvents } from "../testing/vector-events";
import { detectCommand } from "./detect-command";

giveEachFileATestDatabase();

let stdout: MockInstance<typeof process.stdout.write>;
const written = () => stdout.mock.calls.map(([chunk]) => String(chunk)).join("");

beforeEach(() => {
  stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("tripline detect", () => {
  it("runs rules whose version was never applied, then has nothing to do", async () => {
    const { events } = eventVectors();
    await storeVectorEvents(events);

    expect(await detectCommand([])).toBe(0);
    expect(written()).toContain(`sentinel-parity version ${sentinelParity.version}`);
    expect(written()).toContain(`${events.length} events evaluated`);

    stdout.mockClear();
    expect(await detectCommand([])).toBe(0);
    expect(written()).toBe("every rule version is current; nothing to do\n");
  });

  it("runs every rule with --all, and reports JSON with --json", async () => {
    expect(await detectCommand(["--all", "--json"])).toBe(0);
    expect(JSON.parse(written())).toMatchObject({ added: 0, resolved: 0, reopened: 0 });
  });

  it("exits 2 on an unknown flag", async () => {
    expect(await detectCommand(["--everything"])).toBe(2);
  });
});
