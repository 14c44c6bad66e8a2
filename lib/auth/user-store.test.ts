import { describe, expect, it } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { makeUser } from "./test-users";
import { changeRole, createUser, deleteUser, findUserById } from "./user-store";

giveEachFileATestDatabase();

describe("users", () => {
  it("refuses a second account with the same email", async () => {
    const user = await makeUser("viewer");
    await expect(
      createUser({ email: user.email, role: "admin", passwordHash: "x" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("never removes the last admin, by demotion or deletion", async () => {
    const only = await makeUser("admin");
    await expect(changeRole(only.id, "analyst")).rejects.toMatchObject({ code: "conflict" });
    await expect(deleteUser(only.id)).rejects.toMatchObject({ code: "conflict" });

    const second = await makeUser("admin");
    expect((await changeRole(only.id, "analyst")).role).toBe("admin");
    await expect(deleteUser(second.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await findUserById(only.id))?.role).toBe("analyst");
  });
});
