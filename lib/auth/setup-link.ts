import { env } from "../env";
import { logger } from "../log";
import { issueSetupToken, SETUP_LINK_MINUTES } from "./setup";

const log = logger("setup");

/**
 * At start, while no user exists: prints a one-time link that creates the first admin. The link
 * carries a secret, so it goes to the terminal once as plain text and never into a log record.
 */
export async function announceSetupLink(): Promise<void> {
  const token = await issueSetupToken();
  if (!token) return;
  const config = env();
  const base =
    config.TRIPLINE_PUBLIC_URL ?? `http://${config.TRIPLINE_HOST}:${config.TRIPLINE_PORT}`;
  const link = new URL(`/setup?${new URLSearchParams({ token })}`, base);
  log.warn({ minutes: SETUP_LINK_MINUTES }, "no user yet: printed a one-time setup link");
  process.stderr.write(
    `\nTripline has no user yet. Within ${SETUP_LINK_MINUTES} minutes, open this one-time link ` +
      `to create the first admin:\n\n  ${link.href}\n\n` +
      "or run: npx tripline users create --email you@example.com --role admin\n\n",
  );
}
