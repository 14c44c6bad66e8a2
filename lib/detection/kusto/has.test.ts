import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { everyCodePoint } from "../../testing/code-points";
import { firstMatchingNeedle, foldCase, has, hasAny } from "./has";

const VectorFile = z.object({
  lists: z.record(z.string(), z.array(z.string())),
  vectors: z.array(
    z.object({
      id: z.string(),
      haystack: z.string(),
      op: z.enum(["has", "has_any"]),
      expected: z.boolean(),
      rule: z.string(),
      needle: z.string().optional(),
      needles: z.array(z.string()).optional(),
      needlesRef: z.string().optional(),
    }),
  ),
});

const file = VectorFile.parse(
  JSON.parse(readFileSync(path.resolve("fixtures/vectors/has.json"), "utf8")),
);

type Vector = (typeof file.vectors)[number];

function needlesOf(vector: Vector): string[] {
  if (vector.needles) return vector.needles;
  const list = vector.needlesRef === undefined ? undefined : file.lists[vector.needlesRef];
  if (!list) throw new Error(`${vector.id}: no needle list`);
  return list;
}

function run(vector: Vector): boolean {
  if (vector.op === "has_any") return hasAny(vector.haystack, needlesOf(vector));
  if (vector.needle === undefined) throw new Error(`${vector.id}: no needle`);
  return has(vector.haystack, vector.needle);
}

describe("has / has_any vectors", () => {
  it("reads all 83 vectors", () => {
    expect(file.vectors).toHaveLength(83);
  });

  it.each(file.vectors)("$id: $rule", (vector) => {
    expect(run(vector)).toBe(vector.expected);
  });
});

describe("has edge rules", () => {
  it("treats `_` as a delimiter (R3)", () => {
    expect(has("Group_AddMember", "AddMember")).toBe(true);
    expect(has("Group_AddMember", "Group")).toBe(true);
    expect(has("GroupAddMember", "AddMember")).toBe(false);
  });

  it("imposes no boundary on a needle edge that is a delimiter (R5)", () => {
    expect(has("roleAssignments/writeX", "/write")).toBe(false);
    expect(has("sqlRoleAssignments/write", "/write")).toBe(true);
    expect(has("sqlRoleAssignments/write", "Assignments/")).toBe(false);
    expect(has("role/write", "role/")).toBe(true);
    expect(has("xrole/write", "role/")).toBe(false);
  });

  it("requires a delimiter edge of the needle to be present literally (R5)", () => {
    expect(has("CreateUser", " CreateUser")).toBe(false);
    expect(has("a\tCreateUser", " CreateUser")).toBe(false);
    expect(has("a CreateUser", " CreateUser")).toBe(true);
  });

  it("treats non-ASCII letters and digits as term characters (R4)", () => {
    expect(has("ПриветМир", "привет")).toBe(false);
    expect(has("МИР привет", "ПРИВЕТ")).toBe(true);
    expect(has("café_au_lait", "café")).toBe(true);
    expect(has("cafétéria", "caf")).toBe(false);
    // Arabic-Indic digits are digits, so they extend a term.
    expect(has("run٣", "run")).toBe(false);
  });

  it("folds case per code point without accent folding (R2)", () => {
    expect(has("ΟΔΟΣ", "οδος")).toBe(true);
    expect(has("οδος", "οδοσ")).toBe(true);
    expect(has("naive", "naïve")).toBe(false);
    expect(foldCase("STRASSE ß")).toBe("strasse ß");
    expect(foldCase("İx")).toBe("İx");
  });

  it("treats only decimal digits as digits: other numbers separate terms (R1, R3)", () => {
    for (const mark of ["²", "¼", "Ⅻ", "①", "〇"]) {
      expect(has(`CreateUser${mark}`, "CreateUser"), mark).toBe(true);
    }
    expect(has("CreateUser𝟎", "CreateUser")).toBe(false);
  });

  it("judges term edges on the value as written, not on its fold (R1, R5)", () => {
    // U+0345 is a combining mark, so a delimiter, though it folds to the letter iota.
    expect(has("CreateUser\u0345", "CreateUser")).toBe(true);
    expect(has("\u0345CreateUser", "CreateUser")).toBe(true);
    expect(has("CreateUser\u03b9", "CreateUser")).toBe(false);
  });

  it("folds every code point into one of the same UTF-16 length", () => {
    const changed = [...everyCodePoint()].filter((char) => foldCase(char).length !== char.length);
    expect(changed).toEqual([]);
  });

  it("does not fold dotless i, which simple case folding leaves alone (R2)", () => {
    expect(has("InvıteUser", "InviteUser")).toBe(false);
    expect(has("INVITEUSER", "InviteUser")).toBe(true);
    expect(has("ı", "ı")).toBe(true);
  });

  it("folds two cased code points together exactly when simple case folding does (R2)", () => {
    const cased = [...everyCodePoint()].filter(
      (char) =>
        char.toUpperCase() !== char || char.toLowerCase() !== char || foldCase(char) !== char,
    );
    const literal = (char: string) => char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
    const disagreements: string[] = [];
    for (const char of cased) {
      const sameCase = new RegExp(`^${literal(char)}$`, "iu");
      for (const other of cased) {
        if (sameCase.test(other) !== (foldCase(char) === foldCase(other))) {
          disagreements.push(`${char} ${other}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  }, 60_000);

  it("handles letters outside the Basic Multilingual Plane as one code point", () => {
    expect(has("𐐀𐐁 x", "𐐨𐐩")).toBe(true);
    expect(has("a𐐀", "a")).toBe(false);
    expect(has("𐐀a", "a")).toBe(false);
  });

  it("matches an empty needle and never an empty list (R6, R8)", () => {
    expect(has("", "")).toBe(true);
    expect(hasAny("", [""])).toBe(true);
    expect(hasAny("CreateUser", [])).toBe(false);
  });

  it("reports the first list entry that matched, as written in the list", () => {
    const needles = ["CreateRole", "roleAssignments/write"];
    expect(firstMatchingNeedle("MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE", needles)).toBe(
      "roleAssignments/write",
    );
    expect(firstMatchingNeedle("CreateRoles", needles)).toBeNull();
  });
});
