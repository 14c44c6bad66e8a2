import { hardened } from "./hardened";
import type { DetectionRule } from "./rule";
import { sentinelParity } from "./sentinel-parity";

/** Every rule, each evaluated once per event (spec/detection.md section 4). */
export const RULES: readonly DetectionRule[] = [sentinelParity, hardened];
