import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { hashSecret } from "./secret-token";
import { completeSetup, issueSetupToken, setupTokenUsable } from "./setup";
import { makeUser } from "./test-users";

giveEachFileATestDatabase();

const ADMIN = { email: "first@example.test", password: "the first admin's password" };

describe("first-run setup link", () => {
  it("creates the first admin once, and the link then stops working", async () => {
    const token = await issueSetupToken();
    if (!token) throw new Error("expected a setup token on an empty database");
    const rows = await db().setupToken.findMany();
    expect(rows.map((r) => r.tokenHash)).toEqual([hashSecret(token)]);
    expect(await setupTokenUsable(token)).toBe(true);

    const admin = await completeSetup(token, ADMIN, null);
    expect(admin).toMatchObject({ email: ADMIN.email, role: "admin" });
    expect(await setupTokenUsable(token)).toBe(false);
    await expect(
      completeSetup(token, { ...ADMIN, email: "second@example.test" }, null),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await issueSetupToken()).toBeNull();
    expect(await db().user.count()).toBe(1);
  });

  it("refuses an expired link", async () => {
    await db().user.deleteMany();
    const token = await issueSetupToken();
    if (!token) throw new Error("expected a setup token");
    await db().setupToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await setupTokenUsable(token)).toBe(false);
    await expect(completeSetup(token, ADMIN, null)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("replaces an earlier link with each new one", async () => {
    await db().user.deleteMany();
    const first = await issueSetupToken();
    const second = await issueSetupToken();
    if (!first || !second) throw new Error("expected setup tokens");
    expect(await setupTokenUsable(first)).toBe(false);
    expect(await setupTokenUsable(second)).toBe(true);
  });

  it("issues no link once a user exists", async () => {
    await makeUser("viewer");
    expect(await issueSetupToken()).toBeNull();
  });
});
