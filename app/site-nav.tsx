import Link from "next/link";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { User } from "@/lib/auth/user-store";
import { signOut } from "./session-actions";

interface NavItem {
  href: string;
  label: string;
  role: Role;
}

// Only what the role may use is shown; the pages check the role again on the server.
const ITEMS: readonly NavItem[] = [
  { href: "/overview", label: "Overview", role: "viewer" },
  { href: "/alerts", label: "Alerts", role: "viewer" },
  { href: "/ingest", label: "Upload", role: "analyst" },
  { href: "/ingest/history", label: "Ingest history", role: "viewer" },
  { href: "/allowlist", label: "Allowlist", role: "viewer" },
  { href: "/parity", label: "Parity", role: "viewer" },
  { href: "/sources", label: "Sources", role: "analyst" },
  { href: "/admin/users", label: "Users", role: "admin" },
  { href: "/admin/audit", label: "Audit log", role: "admin" },
];

export function SiteNav({ user }: { user: User }) {
  return (
    <>
      <nav aria-label="Main">
        {ITEMS.filter((item) => hasRole(user.role, item.role)).map((item) => (
          <Link key={item.href} href={item.href}>
            {item.label}
          </Link>
        ))}
      </nav>
      <nav aria-label="Account" className="account">
        <Link href="/settings/tokens">API tokens</Link>
        <Link href="/settings/password" title={`Signed in as ${user.email} (${user.role})`}>
          {user.email}
        </Link>
        <form action={signOut}>
          <button type="submit" className="link-button">
            Sign out
          </button>
        </form>
      </nav>
    </>
  );
}
