import { describe, expect, it } from "vitest";
import { parseExpiryDate } from "./expiry-date";

describe("parseExpiryDate", () => {
  it("reads a calendar date as the end of that day, UTC", () => {
    expect(parseExpiryDate("2027-02-28")?.toISOString()).toBe("2027-02-28T23:59:59.999Z");
    expect(parseExpiryDate("2028-02-29")?.toISOString()).toBe("2028-02-29T23:59:59.999Z");
  });

  it("refuses dates that would roll over, odd years and other shapes", () => {
    for (const text of ["2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31"]) {
      expect(parseExpiryDate(text), text).toBeNull();
    }
    for (const text of ["202700-01-01", "+202700-01-01", "0099-01-01", "2027-1-1", "", "soon"]) {
      expect(parseExpiryDate(text), text).toBeNull();
    }
  });
});
