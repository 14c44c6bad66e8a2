import { env } from "../env";
import { logger } from "../log";
import { issueSetupToken, SETUP_LINK_MINUTES } from "./setup";

const log = logger("setup");

export const SETUP_LINK_MARKER = "TRIPLINE SETUP LINK";

/**
 * The notice around the link, for standard output: the link has a line of its own between two
 * marked lines, so it stands out from (and is never mixed into) the JSON log on stderr.
 */
export function setupLinkNotice(link: string, minutes: number): string {
  return (
    `\n===== ${SETUP_LINK_MARKER} (one-time, valid ${minutes} minutes) =====\n` +
    `${link}\n` +
    `===== open it to create the first admin, or run: ` +
    "npx tripline users create --email you@example.com --role admin =====\n\n"
  );
}

/**
 * At start, while no user exists: prints a one-time link that creates the first admin. The link
 * carries a secret, so it goes to standard output once as plain text and never into a log record.
 */
export async function announceSetupLink(): Promise<void> {
  const token = await issueSetupToken();
  if (!token) return;
  const config = env();
  const base =
    config.TRIPLINE_PUBLIC_URL ?? `http://${config.TRIPLINE_HOST}:${config.TRIPLINE_PORT}`;
  const link = new URL(`/setup?${new URLSearchParams({ token })}`, base);
  log.warn({ minutes: SETUP_LINK_MINUTES }, "no user yet: printed a one-time setup link on stdout");
  process.stdout.write(setupLinkNotice(link.href, SETUP_LINK_MINUTES));
}
