import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { ROLES, type Role } from "./roles";
import type { Session } from "./session-store";
import { makeUser } from "./test-users";

// Every server action under app/, found by its "use server" file, is called as nobody, as the
// role just below the one it needs and as that role. Next's request APIs are replaced:
// redirect() and forbidden() throw as Next's do, so the guard's verdict can be read.
const state = vi.hoisted(() => ({ session: null as Session | null }));

vi.mock("./current-user", () => ({ currentSession: async () => state.session }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({ get: () => undefined, has: () => false, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  forbidden: () => {
    throw new Error("FORBIDDEN");
  },
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
}));

giveEachFileATestDatabase();

// Actions anyone may call: they are how a session starts or ends.
const PUBLIC = new Set([
  "app/login/actions.ts#signInAction",
  "app/setup/actions.ts#setupAction",
  "app/session-actions.ts#signOut",
]);

const MIN_ROLE: Record<string, Role> = {
  "app/(dashboard)/admin/users/actions.ts#createUserAction": "admin",
  "app/(dashboard)/admin/users/actions.ts#changeRoleAction": "admin",
  "app/(dashboard)/admin/users/actions.ts#deleteUserAction": "admin",
  "app/(dashboard)/alerts/[id]/triage-actions.ts#triageAlert": "analyst",
  "app/(dashboard)/alerts/[id]/triage-actions.ts#commentOnAlert": "analyst",
  "app/(dashboard)/alerts/bulk-actions.ts#triageSelected": "analyst",
  "app/(dashboard)/alerts/bulk-actions.ts#triageMatching": "analyst",
  "app/(dashboard)/allowlist/actions.ts#saveEntry": "admin",
  "app/(dashboard)/allowlist/actions.ts#setEntryEnabled": "admin",
  "app/(dashboard)/allowlist/actions.ts#deleteEntry": "admin",
  "app/(dashboard)/settings/password/actions.ts#changePasswordAction": "viewer",
  "app/(dashboard)/settings/tokens/actions.ts#createTokenAction": "viewer",
  "app/(dashboard)/settings/tokens/actions.ts#revokeTokenAction": "viewer",
  "app/(dashboard)/sources/actions.ts#saveSource": "admin",
  "app/(dashboard)/sources/actions.ts#runNow": "admin",
  "app/(dashboard)/sources/actions.ts#pauseSource": "admin",
  "app/(dashboard)/sources/actions.ts#resumeSource": "admin",
  "app/(dashboard)/sources/actions.ts#removeSource": "admin",
};

const ROOT = path.resolve(import.meta.dirname, "../..");

function serverActionFiles(dir = path.join(ROOT, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    const source = /\.tsx?$/.test(entry.name) ? readFileSync(full, "utf8") : "";
    return /^\s*["']use server["']/.test(source) ? [full] : [];
  });
}

type Action = (...args: unknown[]) => Promise<unknown>;

async function actions(): Promise<{ key: string; run: Action }[]> {
  const found: { key: string; run: Action }[] = [];
  for (const file of serverActionFiles()) {
    const module: Record<string, unknown> = await import(file);
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== "function") continue;
      found.push({ key: `${path.relative(ROOT, file)}#${name}`, run: value as Action });
    }
  }
  return found;
}

/** Calls an action with harmless arguments: an empty previous state, then an empty form. */
async function verdict(run: Action): Promise<string> {
  const args: unknown[] = Array.from({ length: Math.max(run.length - 1, 0) }, () => ({}));
  try {
    await run(...args, new FormData());
    return "ran";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message === "FORBIDDEN" || message.startsWith("REDIRECT /login")) return message;
    return "ran";
  }
}

async function sessionOf(role: Role): Promise<Session> {
  return { id: "s", user: await makeUser(role), expiresAt: new Date(Date.now() + 60_000) };
}

describe("server actions check the role on the server", () => {
  beforeEach(() => {
    state.session = null;
  });

  it("every server action on disk has a declared role", async () => {
    const keys = (await actions()).map((a) => a.key);
    expect(keys.length).toBeGreaterThan(3);
    const undeclared = keys.filter((key) => !PUBLIC.has(key) && !(key in MIN_ROLE));
    expect(undeclared, "add these to MIN_ROLE in lib/auth/server-actions.test.ts").toEqual([]);
  });

  it("sends callers without a session to sign in, before doing anything", async () => {
    for (const { key, run } of await actions()) {
      if (PUBLIC.has(key)) continue;
      expect(await verdict(run), key).toMatch(/^REDIRECT \/login/);
    }
  });

  it("refuses the role below the one needed and lets that role through", async () => {
    for (const { key, run } of await actions()) {
      const needed = MIN_ROLE[key];
      if (!needed) continue;
      const below = ROLES[ROLES.indexOf(needed) - 1];
      if (below) {
        state.session = await sessionOf(below);
        expect(await verdict(run), `${key} as ${below}`).toBe("FORBIDDEN");
      }
      state.session = await sessionOf(needed);
      expect(await verdict(run), `${key} as ${needed}`).toBe("ran");
    }
  });
});
