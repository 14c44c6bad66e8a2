import { describe, expect, it } from "vitest";
import { parseIngestArgs } from "./ingest-command";

describe("tripline ingest arguments", () => {
  it("reads paths, --json and --date-order in any order", () => {
    expect(parseIngestArgs(["a.csv", "--date-order", "dmy", "--json", "b"])).toEqual({
      json: true,
      paths: ["a.csv", "b"],
      dateOrder: "dmy",
    });
    expect(parseIngestArgs(["--date-order=mdy", "a.csv"])?.dateOrder).toBe("mdy");
    expect(parseIngestArgs(["a.csv"])).toEqual({ json: false, paths: ["a.csv"], dateOrder: null });
  });

  it("refuses an unknown order or option, and no paths", () => {
    expect(parseIngestArgs(["--date-order", "ymd", "a.csv"])).toBeNull();
    expect(parseIngestArgs(["--date-order"])).toBeNull();
    expect(parseIngestArgs(["--verbose", "a.csv"])).toBeNull();
    expect(parseIngestArgs(["--json"])).toBeNull();
  });
});
