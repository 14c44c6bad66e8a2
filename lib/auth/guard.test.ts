import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "./roles";
import type { Session } from "./session-store";

// The page and action guard, with Next's request APIs replaced: the session lookup returns what
// each test sets, and redirect() / forbidden() throw as Next's do (they never return).
const state = vi.hoisted(() => ({ session: null as Session | null, path: null as string | null }));

vi.mock("./current-user", () => ({ currentSession: async () => state.session }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(state.path ? { "x-tripline-path": state.path } : {}),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  forbidden: () => {
    throw new Error("FORBIDDEN");
  },
}));

const { requireUser } = await import("./guard");

function sessionOf(role: Role): Session {
  const now = new Date();
  const user = { id: "u1", email: "u@example.test", role, createdAt: now, passwordChangedAt: now };
  return { id: "s1", user, expiresAt: new Date(Date.now() + 60_000) };
}

describe("requireUser", () => {
  beforeEach(() => {
    state.session = null;
    state.path = null;
  });

  it("sends a visitor without a session to sign in, back to the page asked for", async () => {
    state.path = "/admin/users?x=1";
    await expect(requireUser("viewer")).rejects.toThrow(
      `REDIRECT /login?next=${encodeURIComponent("/admin/users?x=1")}`,
    );
  });

  it("never redirects to another site after sign-in", async () => {
    state.path = "//evil.example/";
    await expect(requireUser("viewer")).rejects.toThrow("REDIRECT /login?next=%2Falerts");
  });

  it("answers 403 to a role below the one needed", async () => {
    state.session = sessionOf("viewer");
    await expect(requireUser("analyst")).rejects.toThrow("FORBIDDEN");
    state.session = sessionOf("analyst");
    await expect(requireUser("admin")).rejects.toThrow("FORBIDDEN");
  });

  it("returns the session to a role high enough", async () => {
    state.session = sessionOf("admin");
    for (const role of ["viewer", "analyst", "admin"] as const) {
      expect((await requireUser(role)).user.role).toBe("admin");
    }
  });
});
