import type { Metadata } from "next";
import { listApiTokens } from "@/lib/auth/api-token-store";
import { requireUser } from "@/lib/auth/guard";
import { hasRole, rolesUpTo } from "@/lib/auth/roles";
import { CreateTokenForm } from "./create-token-form";
import { TokensTable } from "./tokens-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const { user } = await requireUser("viewer");
  const admin = hasRole(user.role, "admin");
  const tokens = await listApiTokens(admin ? undefined : user.id);

  return (
    <>
      <h1>API tokens</h1>
      <p className="hint">
        Send a token as <code>Authorization: Bearer trpl_…</code> to <code>GET /api/v1/alerts</code>{" "}
        or <code>POST /api/ingest</code>. A token acts with its role, never above yours.
        {admin ? " As an admin you see and can revoke everyone's tokens." : ""}
      </p>
      <CreateTokenForm roles={rolesUpTo(user.role)} />
      <h2>{admin ? "All tokens" : "Your tokens"}</h2>
      <TokensTable tokens={tokens} showOwner={admin} />
    </>
  );
}
