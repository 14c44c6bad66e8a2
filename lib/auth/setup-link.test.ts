import { afterEach, describe, expect, it, vi } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { setupTokenUsable } from "./setup";
import { announceSetupLink, SETUP_LINK_MARKER } from "./setup-link";

giveEachFileATestDatabase();

afterEach(() => vi.restoreAllMocks());

function written(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls.map((call) => String(call[0])).join("");
}

describe("announceSetupLink", () => {
  it("prints the link on a line of its own on stdout, and nothing of it on stderr", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await announceSetupLink();

    const lines = written(out).split("\n");
    const marker = lines.findIndex((line) => line.includes(SETUP_LINK_MARKER));
    expect(marker).toBeGreaterThanOrEqual(0);
    const link = new URL(lines[marker + 1] ?? "");
    expect(link.pathname).toBe("/setup");
    const token = link.searchParams.get("token") ?? "";
    expect(await setupTokenUsable(token)).toBe(true);
    expect(written(err)).not.toContain(token);
  });
});
