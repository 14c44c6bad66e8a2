import type { EventFlag } from "../events/types";
import { tenantOf } from "./azure-resource";
import { classifySource } from "./ip";
import { at, columnText, firstStr, isObject, type JsonObject, objectAt } from "./json";
import { outcomeOf } from "./outcome";
import { checkCore, entraDiagnosticRecord, entraGraphRecord, type Normalized } from "./schemas";
import { jsonColumn, sentinelRow } from "./sentinel-row";
import { readEmbeddedJson } from "./text";
import { resolveEventTime } from "./time";

/**
 * An Entra ID audit record as an event: a diagnostic-settings export record (`operationName`,
 * `time`, the activity inside `properties`, which may be JSON text) or a Microsoft Graph
 * directoryAudit (the activity's fields at the top level).
 */
export function normalizeEntra(record: JsonObject): Normalized {
  const graph = record.operationName === undefined && record.activityDisplayName !== undefined;
  const core = graph
    ? checkCore(entraGraphRecord, record, "A Graph directory audit needs activityDisplayName")
    : checkCore(
        entraDiagnosticRecord,
        record,
        "An Entra audit record needs operationName or properties.activityDisplayName",
      );
  if (!core.ok) return core;

  const flags = new Set<EventFlag>();
  const detail = graph ? record : objectAt(readEmbeddedJson(record.properties, flags));
  const initiatedBy = readEmbeddedJson(detail.initiatedBy, flags);
  const operation = firstStr(graph ? undefined : record.operationName, detail.activityDisplayName);
  // Sentinel's OperationName is the diagnostic record's operationName as sent, even blank or
  // absent (""); only a Graph record, which has none, gives its activity name.
  const sentinelOperation = graph ? operation : columnText(record.operationName);
  const result = firstStr(detail.result, record.resultType) ?? "";
  const source = classifySource(
    firstStr(at(initiatedBy, "user", "ipAddress"), record.callerIpAddress),
  );
  const tenant =
    firstStr(record.tenantId, detail.tenantId)?.toLowerCase() ?? tenantOf(record.resourceId);
  const correlationId = firstStr(record.correlationId, detail.correlationId) ?? "";

  return {
    ok: true,
    event: {
      table: "AuditLogs",
      kind: "api_call",
      eventTime: resolveEventTime(
        graph ? [record.activityDateTime] : [record.time],
        [detail.activityDateTime],
        flags,
      ),
      operation: operation ?? "",
      actor: entraActor(initiatedBy, record.identity),
      actorType: entraActorType(initiatedBy),
      sourceIp: source.ip,
      sourceHost: source.host,
      account: tenant,
      region: columnText(record.location),
      userAgent: entraUserAgent(readEmbeddedJson(detail.additionalDetails, flags), detail),
      outcome: outcomeOf(result),
      outcomeCode: result,
      nativeId: firstStr(detail.id) ?? null,
      correlationId,
      sentinel: sentinelRow("AuditLogs", {
        OperationName: sentinelOperation,
        ActivityDisplayName: detail.activityDisplayName,
        Identity: graph ? "" : record.identity,
        ResultType: graph ? "" : record.resultType,
        ResultDescription: graph ? "" : record.resultDescription,
        Result: detail.result,
        ResultReason: detail.resultReason,
        Category: detail.category,
        CorrelationId: correlationId,
        AADTenantId: tenant,
        LoggedByService: detail.loggedByService,
        Id: detail.id,
        InitiatedBy: jsonColumn(initiatedBy),
      }),
      flags: [...flags],
    },
  };
}

/**
 * Who acted in an Entra activity: the initiating user's principal name or display name, else the
 * initiating app's display name or service principal name, else the record's `identity` text,
 * else an id (user id, service principal id, app id). "" when none is present.
 */
export function entraActor(initiatedBy: unknown, identity: unknown): string {
  const user = objectAt(initiatedBy, "user");
  const app = objectAt(initiatedBy, "app");
  return (
    firstStr(
      user.userPrincipalName,
      user.displayName,
      app.displayName,
      app.servicePrincipalName,
      identity,
      user.id,
      app.servicePrincipalId,
      app.appId,
    ) ?? ""
  );
}

/** "User" or "ServicePrincipal" by which initiator is filled; "" when neither is. */
export function entraActorType(initiatedBy: unknown): string {
  const filled = (value: unknown) =>
    isObject(value) && Object.values(value).some((v) => v !== null && v !== "");
  if (filled(at(initiatedBy, "user"))) return "User";
  if (filled(at(initiatedBy, "app"))) return "ServicePrincipal";
  return "";
}

/** The User-Agent entry of additionalDetails, else a `userAgent` field. */
export function entraUserAgent(additionalDetails: unknown, detail: JsonObject): string {
  if (Array.isArray(additionalDetails)) {
    for (const item of additionalDetails) {
      if (
        isObject(item) &&
        typeof item.key === "string" &&
        item.key.toLowerCase() === "user-agent"
      ) {
        return columnText(item.value);
      }
    }
  }
  return columnText(detail.userAgent);
}
