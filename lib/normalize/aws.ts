import type { EventFlag, Outcome } from "../events/types";
import { awsActor } from "./aws-actor";
import { classifySource } from "./ip";
import { at, columnText, firstStr, type JsonObject, objectAt } from "./json";
import { checkCore, cloudTrailApiCall, cloudTrailInsight, type Normalized } from "./schemas";
import { jsonColumn, sentinelRow } from "./sentinel-row";
import { resolveEventTime } from "./time";

export interface CloudTrailContext {
  /** A wrapper's times (Event history's EventTime, EventBridge's time) for when eventTime fails. */
  fallbackTimes?: readonly unknown[];
}

/** A CloudTrail record (API call, console sign-in, service event or Insights event) as an event. */
export function normalizeCloudTrail(
  event: JsonObject,
  context: CloudTrailContext = {},
): Normalized {
  const insight = event.eventType === "AwsCloudTrailInsight";
  const core = insight
    ? checkCore(cloudTrailInsight, event, "A CloudTrail Insights event needs insightDetails")
    : checkCore(
        cloudTrailApiCall,
        event,
        "A CloudTrail event needs an eventName or an eventVersion",
      );
  if (!core.ok) return core;

  const flags = new Set<EventFlag>();
  const identity = objectAt(event, "userIdentity");
  const issuer = objectAt(identity, "sessionContext", "sessionIssuer");
  const actorIdentity = {
    type: identity.type,
    userName: identity.userName,
    issuerUserName: issuer.userName,
    issuerArn: issuer.arn,
    arn: identity.arn,
    invokedBy: identity.invokedBy,
    onBehalfOfUserId: at(identity, "onBehalfOf", "userId"),
    principalId: identity.principalId,
    accountId: identity.accountId,
  };
  const source = classifySource(event.sourceIPAddress);
  const result = insight ? { outcome: "unknown" as const, code: "" } : cloudTrailOutcome(event);

  return {
    ok: true,
    event: {
      table: "AWSCloudTrail",
      kind: insight ? "insight" : "api_call",
      eventTime: resolveEventTime([textTime(event.eventTime)], context.fallbackTimes ?? [], flags),
      operation: columnText(insight ? at(event, "insightDetails", "eventName") : event.eventName),
      actor: awsActor(actorIdentity),
      actorType: columnText(identity.type),
      sourceIp: source.ip,
      sourceHost: source.host,
      account: firstStr(event.recipientAccountId, identity.accountId) ?? "",
      region: columnText(event.awsRegion),
      userAgent: columnText(event.userAgent),
      outcome: result.outcome,
      outcomeCode: result.code,
      nativeId: idText(event.eventID),
      correlationId: "",
      sentinel: sentinelRow("AWSCloudTrail", {
        OperationName: "CloudTrail",
        EventName: event.eventName,
        EventSource: event.eventSource,
        EventTypeName: event.eventType,
        UserIdentityType: identity.type,
        UserIdentityArn: identity.arn,
        UserIdentityAccountId: identity.accountId,
        UserIdentityPrincipalid: identity.principalId,
        UserIdentityUserName: identity.userName,
        UserIdentityInvokedBy: identity.invokedBy,
        SessionIssuerType: issuer.type,
        SessionIssuerArn: issuer.arn,
        SessionIssuerUserName: issuer.userName,
        SourceIpAddress: event.sourceIPAddress,
        UserAgent: event.userAgent,
        ErrorCode: event.errorCode,
        ErrorMessage: event.errorMessage,
        RecipientAccountId: event.recipientAccountId,
        AWSRegion: event.awsRegion,
        AwsEventId: event.eventID,
        RequestParameters: jsonColumn(event.requestParameters),
        WebIdFederationProvider: at(
          identity,
          "sessionContext",
          "webIdFederationData",
          "federatedProvider",
        ),
      }),
      flags: [...flags],
    },
  };
}

/**
 * CloudTrail writes eventTime as an ISO string; a number there is no epoch CloudTrail wrote, so
 * it counts as unreadable (the event falls back to a wrapper's time or is flagged).
 */
function textTime(value: unknown): unknown {
  return typeof value === "number" ? Number.NaN : value;
}

/** The event id as text: a string, or a number as its decimal text. */
function idText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return firstStr(value) ?? null;
}

/**
 * An errorCode means the call failed. A failed console sign-in has none: its failure is in
 * responseElements.ConsoleLogin ("Failure"), with errorMessage "Failed authentication".
 */
function cloudTrailOutcome(event: JsonObject): { outcome: Outcome; code: string } {
  const errorCode = columnText(event.errorCode);
  if (errorCode !== "") return { outcome: "failure", code: errorCode };
  const consoleLogin = at(event, "responseElements", "ConsoleLogin");
  if (consoleLogin === "Failure") return { outcome: "failure", code: "Failure" };
  return { outcome: "success", code: "" };
}
