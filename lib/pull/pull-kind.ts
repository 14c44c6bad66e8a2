import type { PullContext } from "./pull-context";
import { pullAzureActivity } from "./sources/azure-activity";
import { pullCloudTrailLookup } from "./sources/cloudtrail-lookup";
import { pullGraphAudits } from "./sources/graph-audits";
import { pullLogAnalytics } from "./sources/log-analytics";
import { pullS3Trail } from "./sources/s3-trail";

/** Runs the module of the source's kind. */
export function pullKind(context: PullContext): Promise<void> {
  const { settings } = context;
  switch (settings.kind) {
    case "aws-s3":
      return pullS3Trail({ ...context, settings });
    case "aws-lookup":
      return pullCloudTrailLookup({ ...context, settings });
    case "entra-graph":
      return pullGraphAudits({ ...context, settings });
    case "azure-activity":
      return pullAzureActivity({ ...context, settings });
    case "log-analytics":
      return pullLogAnalytics({ ...context, settings });
  }
}
