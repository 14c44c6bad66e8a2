/**
 * The one definition of "entry e suppresses alert a" (with ev, the alert's event), shared by
 * re-evaluation, new alerts and the preview. Every condition given must hold; an empty list or a
 * null pattern places no condition.
 *
 * The actor pattern is tried on the normalised actor and on the ARNs behind it, so that an AWS
 * role session matches its issuer's role ARN whatever the per-session name is. An IPv4-mapped
 * caller (`::ffff:192.0.2.7`, stored as the log wrote it) is also tried as its IPv4 address,
 * so that an IPv4 range covers it as an administrator means it to.
 */
export const ENTRY_MATCHES_ALERT = `
  (a.actor ~* e.actor_regex
    OR coalesce(ev.sentinel->>'SessionIssuerArn', '') ~* e.actor_regex
    OR coalesce(ev.sentinel->>'UserIdentityArn', '') ~* e.actor_regex)
  AND (cardinality(e.sources) = 0 OR a.source_table = ANY(e.sources))
  AND (cardinality(e.operations) = 0 OR lower(a.operation) = ANY(e.operations))
  AND (cardinality(e.accounts) = 0 OR a.account = ANY(e.accounts))
  AND (cardinality(e.ip_ranges) = 0 OR a.source_ip <<= ANY(e.ip_ranges::cidr[])
    OR (a.source_ip <<= inet '::ffff:0.0.0.0/96'
      AND substr(host(a.source_ip), 8)::inet <<= ANY(e.ip_ranges::cidr[])))
  AND (e.user_agent_regex IS NULL OR ev.user_agent ~* e.user_agent_regex)`;

/** The entry in force for alert a: the oldest enabled, unexpired entry that matches. */
export const SUPPRESSING_ENTRY = `
  SELECT e.id FROM allowlist_entry e
  WHERE e.enabled AND e.expires_at > now() AND ${ENTRY_MATCHES_ALERT}
  ORDER BY e.created_at, e.id LIMIT 1`;
