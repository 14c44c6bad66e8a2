/** Everything the audit log records. A closed list, so the admin page can filter by it. */
export const AUDIT_ACTIONS = [
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.throttled",
  "sign_out",
  "setup.completed",
  "password.changed",
  "password.reset",
  "user.created",
  "user.role_changed",
  "user.deleted",
  "token.created",
  "token.revoked",
  "allowlist.created",
  "allowlist.updated",
  "allowlist.enabled",
  "allowlist.disabled",
  "allowlist.deleted",
  "alerts.exported",
  "alerts.triaged",
  "parity.exported",
  "source.created",
  "source.updated",
  "source.paused",
  "source.resumed",
  "source.deleted",
  "source.run_requested",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How the actor proved who they are. */
export type AuditVia = "session" | "token" | "cli" | "setup" | "anonymous";
