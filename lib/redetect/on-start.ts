import { disconnect } from "../db/client";
import { redetect } from "./redetect";

/**
 * Start-up's step after the migrations: stored events are evaluated again by every rule whose
 * version changed since their alerts were written, before the dashboard shows any of them.
 * Usually a no-op. The connection is closed after: the dashboard runs in its own process.
 */
export async function redetectChangedRules(): Promise<void> {
  try {
    await redetect();
  } finally {
    await disconnect();
  }
}
