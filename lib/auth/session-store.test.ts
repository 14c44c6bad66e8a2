import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { hashSecret } from "./secret-token";
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  findSession,
  purgeExpiredSessions,
} from "./session-store";
import { makeUser } from "./test-users";

giveEachFileATestDatabase();

describe("sessions", () => {
  it("stores only the token's hash and finds the session by the token", async () => {
    const user = await makeUser("analyst");
    const { token, expiresAt } = await createSession(user.id);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);

    const rows = await db().session.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.tokenHash)).toEqual([hashSecret(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const found = await findSession(token);
    expect(found?.user).toMatchObject({ id: user.id, role: "analyst" });
    const otherLast = token.endsWith("A") ? "B" : "A";
    expect(await findSession(`${token.slice(0, -1)}${otherLast}`)).toBeNull();
  });

  it("stops accepting a token once the session is deleted", async () => {
    const user = await makeUser("viewer");
    const { token } = await createSession(user.id);
    await deleteSession(token);
    expect(await findSession(token)).toBeNull();
  });

  it("refuses and purges expired sessions", async () => {
    const user = await makeUser("viewer");
    const { token } = await createSession(user.id);
    await db().session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findSession(token)).toBeNull();
    await purgeExpiredSessions();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("ends a user's other sessions and keeps the current one", async () => {
    const user = await makeUser("admin");
    const other = await makeUser("admin");
    const current = await createSession(user.id);
    const stale = await createSession(user.id);
    const unrelated = await createSession(other.id);
    const currentId = (await findSession(current.token))?.id;

    expect(await deleteOtherSessions(user.id, currentId)).toBe(1);
    expect(await findSession(current.token)).not.toBeNull();
    expect(await findSession(stale.token)).toBeNull();
    expect(await findSession(unrelated.token)).not.toBeNull();
  });

  it("ends the sessions of a deleted user", async () => {
    const user = await makeUser("viewer");
    const { token } = await createSession(user.id);
    await db().user.delete({ where: { id: user.id } });
    expect(await findSession(token)).toBeNull();
  });
});
