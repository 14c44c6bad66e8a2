import { describe, expect, it } from "vitest";
import { lineText, paragraphText } from "./text-field";

function messageOf(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message;
}

describe("text fields", () => {
  it("refuse NUL and ESC with a message naming the field", () => {
    expect(messageOf(lineText("The name", 10).safeParse("a\u0000b"))).toBe(
      "The name cannot hold control characters.",
    );
    expect(lineText("The name", 10).safeParse("a\u001b[31m").success).toBe(false);
    expect(paragraphText("The comment", 100).safeParse("nul\u0000byte").success).toBe(false);
    expect(paragraphText("The comment", 100).safeParse("bell\u0007").success).toBe(false);
  });

  it("let paragraphs keep line breaks and tabs, but not one-line fields", () => {
    expect(paragraphText("The comment", 100).parse(" one\r\n\ttwo ")).toBe("one\r\n\ttwo");
    expect(lineText("The name", 100).safeParse("one\ntwo").success).toBe(false);
  });

  it("say how long the field may be in plain words", () => {
    expect(messageOf(paragraphText("The comment", 10_000).safeParse("x".repeat(10_001)))).toBe(
      "The comment is too long: use at most 10,000 characters.",
    );
  });
});
