import { describe, expect, it } from "vitest";
import { localeDateToIso, orderEvidence, readLocaleDate } from "./locale-date";

function iso(text: string, order: "dmy" | "mdy"): string | null {
  const date = readLocaleDate(text);
  return date === null ? null : localeDateToIso(date, order);
}

describe("locale dates of Log Analytics CSV exports", () => {
  it.each([
    ["4/28/2021, 2:32:14.029 PM", "mdy", "2021-04-28T14:32:14.029Z"],
    ["4/28/2021, 12:05:00.000 AM", "mdy", "2021-04-28T00:05:00.000Z"],
    ["4/28/2021, 12:05:00 PM", "mdy", "2021-04-28T12:05:00Z"],
    ["21/04/2025, 09:45:54.000", "dmy", "2025-04-21T09:45:54.000Z"],
    ["21.04.2025 09:45:54", "dmy", "2025-04-21T09:45:54Z"],
    ["01/02/2025", "dmy", "2025-02-01T00:00:00Z"],
    ["01/02/2025", "mdy", "2025-01-02T00:00:00Z"],
    ["01/02/2025 10:00:00.1234567 +02:00", "dmy", "2025-02-01T10:00:00.1234567+02:00"],
  ] as const)("%s read %s is %s", (text, order, want) => {
    expect(iso(text, order)).toBe(want);
  });

  it("refuses what no order makes a date", () => {
    expect(iso("21/04/2025", "mdy")).toBeNull();
    expect(iso("31/02/2025", "dmy")).toBeNull();
    expect(readLocaleDate("2025-04-21T09:45:54Z")).toBeNull();
    expect(readLocaleDate("13:00 4/28/2021")).toBeNull();
    expect(readLocaleDate("4/28/2021, 13:00:00 PM")).toBeNull();
  });

  it("tells what a date says about the order", () => {
    const evidence = (text: string) => {
      const date = readLocaleDate(text);
      return date === null ? null : orderEvidence(date);
    };
    expect(evidence("21/04/2025")).toBe("dmy");
    expect(evidence("4/28/2021, 2:32:14.029 PM")).toBe("mdy");
    expect(evidence("01/02/2025")).toBe("either");
    expect(evidence("12/12/2025")).toBe("either");
    expect(evidence("31/31/2025")).toBe("neither");
  });
});
