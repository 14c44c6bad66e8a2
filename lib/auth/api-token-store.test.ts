import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { AppError } from "../errors";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { createApiToken, findApiToken, listApiTokens, revokeApiToken } from "./api-token-store";
import { hashSecret } from "./secret-token";
import { makeUser } from "./test-users";
import { changeRole } from "./user-store";

giveEachFileATestDatabase();

describe("API tokens", () => {
  it("is shown once, stored hashed, and found by its value", async () => {
    const owner = await makeUser("analyst");
    const { token, view } = await createApiToken(owner, {
      name: "ci upload",
      role: "analyst",
      lifetime: "30",
    });
    expect(token).toMatch(/^trpl_[\w-]{43}$/);
    expect(view.prefix).toBe(token.slice(0, 11));

    const row = await db().apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const found = await findApiToken(token);
    expect(found).toMatchObject({ tokenId: view.id, role: "analyst", user: { id: owner.id } });
    expect(await findApiToken("trpl_not-a-real-token")).toBeNull();
    expect(await findApiToken(token.replace("trpl_", ""))).toBeNull();
  });

  it("cannot carry a role above its creator's", async () => {
    const viewer = await makeUser("viewer");
    await expect(
      createApiToken(viewer, { name: "sneaky", role: "admin", lifetime: "30" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("acts with the lesser of its role and its owner's current role", async () => {
    const admin = await makeUser("admin");
    await makeUser("admin");
    const { token } = await createApiToken(admin, {
      name: "ops",
      role: "admin",
      lifetime: "never",
    });
    await changeRole(admin.id, "viewer");
    expect((await findApiToken(token))?.role).toBe("viewer");
  });

  it("stops working when revoked or expired", async () => {
    const owner = await makeUser("viewer");
    const revoked = await createApiToken(owner, { name: "a", role: "viewer", lifetime: "30" });
    await revokeApiToken(revoked.view.id, owner);
    expect(await findApiToken(revoked.token)).toBeNull();

    const expired = await createApiToken(owner, { name: "b", role: "viewer", lifetime: "30" });
    await db().apiToken.update({
      where: { id: expired.view.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findApiToken(expired.token)).toBeNull();
  });

  it("is revoked only by its owner or an admin", async () => {
    const owner = await makeUser("analyst");
    const stranger = await makeUser("analyst");
    const admin = await makeUser("admin");
    const { token, view } = await createApiToken(owner, {
      name: "x",
      role: "viewer",
      lifetime: "90",
    });

    const refused = revokeApiToken(view.id, stranger);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: "not_found" });
    expect(await findApiToken(token)).not.toBeNull();

    await revokeApiToken(view.id, admin);
    expect(await findApiToken(token)).toBeNull();
  });

  it("revokes once: a second revocation changes nothing and says so", async () => {
    const owner = await makeUser("viewer");
    const { view } = await createApiToken(owner, { name: "twice", role: "viewer", lifetime: "30" });
    const [a, b] = await Promise.all([
      revokeApiToken(view.id, owner),
      revokeApiToken(view.id, owner),
    ]);
    expect([a.revoked, b.revoked].sort()).toEqual([false, true]);
    const again = await revokeApiToken(view.id, owner);
    expect(again.revoked).toBe(false);
    expect(again.view.revokedAt).toEqual(a.view.revokedAt);
  });

  it("lists one owner's tokens, or everyone's", async () => {
    const a = await makeUser("viewer");
    const b = await makeUser("viewer");
    await createApiToken(a, { name: "a1", role: "viewer", lifetime: "30" });
    await createApiToken(b, { name: "b1", role: "viewer", lifetime: "30" });
    expect((await listApiTokens(a.id)).map((t) => t.name)).toEqual(["a1"]);
    const all = (await listApiTokens()).map((t) => t.name);
    expect(all).toEqual(expect.arrayContaining(["a1", "b1"]));
  });
});
