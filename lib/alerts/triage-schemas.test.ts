import { describe, expect, it } from "vitest";
import { CommentInput, TriageChange } from "./triage-schemas";

function firstMessage(result: { error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message;
}

describe("triage input", () => {
  it("refuses a NUL or ESC in a comment but keeps its line breaks", () => {
    expect(firstMessage(CommentInput.safeParse({ body: "nul\u0000byte" }))).toMatch(
      /^The comment cannot hold control characters/,
    );
    expect(CommentInput.safeParse({ body: "\u001b[31m red" }).success).toBe(false);
    expect(CommentInput.parse({ body: "line one\n\tline two" }).body).toBe("line one\n\tline two");
    expect(firstMessage(CommentInput.safeParse({ body: "  " }))).toBe("Write a comment first.");
  });

  it("refuses control characters in the assignee and the closing note", () => {
    const closing = { status: "closed", classification: "undetermined" };
    expect(firstMessage(TriageChange.safeParse({ assignee: "a\u0000b" }))).toBe(
      "The assignee cannot hold control characters.",
    );
    expect(TriageChange.safeParse({ ...closing, note: "a\u0000" }).success).toBe(false);
  });

  it("words its messages for people, not as schema internals", () => {
    expect(firstMessage(TriageChange.safeParse({ status: "gone" }))).toBe(
      "Choose a status: open, acknowledged or closed.",
    );
    expect(firstMessage(CommentInput.safeParse({ body: "x".repeat(10_001) }))).toBe(
      "The comment is too long: use at most 10,000 characters.",
    );
    expect(firstMessage(TriageChange.safeParse({ assignee: "x".repeat(321) }))).toMatch(
      /^The assignee is too long/,
    );
  });
});
