import type { RecordKind } from "./classify";
import type { Layout } from "./walk-json";

/** Human words for each shape a file can have, shown to the user after an upload. */
export const SHAPE_LABELS = {
  "cloudtrail-delivery": "CloudTrail S3 delivery file",
  "cloudtrail-digest": "CloudTrail digest file",
  "cloudtrail-array": "JSON array of CloudTrail events",
  "cloudtrail-event": "Single CloudTrail event",
  "cloudtrail-jsonl": "CloudTrail events as JSON Lines",
  "cloudtrail-event-history": "CloudTrail Event history (LookupEvents) output",
  "cloudtrail-eventbridge": "CloudTrail events in EventBridge envelopes",
  "cloudtrail-insights": "CloudTrail Insights events",
  "azure-activity-diagnostic": "Azure Activity Log diagnostic-settings export",
  "azure-activity-jsonl": "Azure Activity Log storage export (JSON Lines)",
  "azure-activity-rest": "Azure Activity Log REST / portal / CLI JSON",
  "azure-activity-sdk": "Azure Activity Log Python SDK output",
  "entra-diagnostic": "Entra ID audit log diagnostic-settings export",
  "entra-graph": "Microsoft Graph directoryAudits response",
  "sentinel-export": "Microsoft Sentinel / Log Analytics table export (JSON)",
  "sentinel-export-csv": "Microsoft Sentinel / Log Analytics table export (CSV)",
  "empty-list": "Empty list of records",
} as const;

export type ShapeId = keyof typeof SHAPE_LABELS;

export interface Shape {
  shape: ShapeId;
  shapeLabel: string;
  notice: string | null;
}

const DIGEST_NOTICE =
  "CloudTrail digest file: it holds checksums of log files, not events, so it was skipped.";

/**
 * The file's shape from where its first record sits and what that record is. A file is named
 * by its first record; later records of another kind are still read by their own reader.
 */
export function describeShape(
  layout: Layout | null,
  first: RecordKind | null,
  gzipLayers: number,
): Shape {
  return labelled(shapeOf(layout, first), gzipLayers);
}

/** A shape with its label, which says how many gzip layers the file had. */
export function labelled(shape: ShapeId, gzipLayers: number): Shape {
  const gzip = gzipLayers === 0 ? "" : gzipLayers === 1 ? " (gzip)" : ` (gzip x${gzipLayers})`;
  const notice = shape === "cloudtrail-digest" ? DIGEST_NOTICE : null;
  return { shape, shapeLabel: `${SHAPE_LABELS[shape]}${gzip}`, notice };
}

function shapeOf(layout: Layout | null, first: RecordKind | null): ShapeId {
  if (layout === "Records") return "cloudtrail-delivery";
  if (first === null) return "empty-list";
  switch (first.family) {
    case "cloudtrail-digest":
      return "cloudtrail-digest";
    case "cloudtrail-history":
      return "cloudtrail-event-history";
    case "cloudtrail-eventbridge":
      return "cloudtrail-eventbridge";
    case "cloudtrail":
      if (first.insight) return "cloudtrail-insights";
      if (layout === "line") return "cloudtrail-jsonl";
      if (layout === "document") return "cloudtrail-event";
      return layout === "Events" ? "cloudtrail-event-history" : "cloudtrail-array";
    case "azure-activity":
      if (first.variant === "sdk") return "azure-activity-sdk";
      if (first.variant === "rest") return "azure-activity-rest";
      return layout === "line" ? "azure-activity-jsonl" : "azure-activity-diagnostic";
    case "entra":
      return first.variant === "graph" ? "entra-graph" : "entra-diagnostic";
    case "sentinel-row":
      return "sentinel-export";
    case "unknown":
      return "empty-list";
  }
}
