import { describe, expect, it } from "vitest";
import { outcomeOf } from "./outcome";

describe("outcomeOf", () => {
  it.each([
    ["Succeeded", "success"],
    ["Success", "success"],
    ["success", "success"],
    ["Failed", "failure"],
    ["Failure", "failure"],
    ["failure", "failure"],
    ["timeout", "failure"],
    ["Started", "in_progress"],
    ["Start", "in_progress"],
    ["Accepted", "in_progress"],
    ["Accept", "in_progress"],
    [" STARTED ", "in_progress"],
    ["InProgress", "in_progress"],
    ["Updated", "unknown"],
    ["", "unknown"],
  ])("%j is %s", (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});
