import { SENTINEL_COLUMNS } from "../events/sentinel-columns";
import type { EventFlag, NormalizedEvent, SourceTable } from "../events/types";
import { awsActor } from "./aws-actor";
import { azureCaller, azurePrincipalType } from "./azure-caller";
import { subscriptionOf, tenantOf } from "./azure-resource";
import { entraActor, entraActorType, entraUserAgent } from "./entra";
import { classifySource } from "./ip";
import { at, columnText, firstStr, isObject, type JsonObject, objectAt } from "./json";
import { outcomeOf } from "./outcome";
import {
  checkCore,
  type Normalized,
  sentinelAuditLogsRow,
  sentinelAzureActivityRow,
  sentinelCloudTrailRow,
} from "./schemas";
import { jsonColumn, sentinelRow } from "./sentinel-row";
import { readEmbeddedJson } from "./text";
import { resolveEventTime } from "./time";

type Fields = Omit<NormalizedEvent, "table" | "sentinel" | "flags">;

/**
 * A row of a Sentinel / Log Analytics table export in JSON (PascalCase column names, dynamic
 * columns often JSON text) as an event, mapped like the native records of its table.
 */
export function normalizeSentinelRow(table: SourceTable, row: JsonObject): Normalized {
  const flags = new Set<EventFlag>();
  const mapped =
    table === "AuditLogs"
      ? auditLogs(row, flags)
      : table === "AzureActivity"
        ? azureActivity(row, flags)
        : cloudTrail(row, flags);
  if (!mapped.ok) return mapped;
  const copied = Object.fromEntries(SENTINEL_COLUMNS[table].map((c) => [c, row[c]]));
  const sentinel = sentinelRow(table, { ...copied, ...mapped.columns });
  return { ok: true, event: { table, ...mapped.fields, sentinel, flags: [...flags] } };
}

type Mapped =
  | { ok: true; fields: Fields; columns: Readonly<Record<string, unknown>> }
  | { ok: false; reason: string };

function timeGenerated(row: JsonObject): unknown {
  return row.TimeGenerated ?? row["TimeGenerated [UTC]"];
}

function auditLogs(row: JsonObject, flags: Set<EventFlag>): Mapped {
  const core = checkCore(sentinelAuditLogsRow, row, "An AuditLogs row needs OperationName");
  if (!core.ok) return core;
  const initiatedBy = readEmbeddedJson(row.InitiatedBy, flags);
  const result = firstStr(row.Result, row.ResultType) ?? "";
  const source = classifySource(at(initiatedBy, "user", "ipAddress"));
  const tenant = firstStr(row.AADTenantId)?.toLowerCase() ?? tenantOf(row.ResourceId);
  const fields: Fields = {
    kind: "api_call",
    eventTime: resolveEventTime([timeGenerated(row)], [row.ActivityDateTime], flags),
    operation: columnText(row.OperationName),
    actor: entraActor(initiatedBy, row.Identity),
    actorType: entraActorType(initiatedBy),
    sourceIp: source.ip,
    sourceHost: source.host,
    account: tenant,
    region: columnText(row.Location),
    userAgent: entraUserAgent(readEmbeddedJson(row.AdditionalDetails, flags), {}),
    outcome: outcomeOf(result),
    outcomeCode: result,
    nativeId: firstStr(row.Id) ?? null,
    correlationId: columnText(row.CorrelationId),
  };
  return {
    ok: true,
    fields,
    columns: { AADTenantId: tenant, InitiatedBy: jsonColumn(initiatedBy) },
  };
}

function azureActivity(row: JsonObject, flags: Set<EventFlag>): Mapped {
  const requirement = "An AzureActivity row needs OperationNameValue (or OperationName)";
  const core = checkCore(sentinelAzureActivityRow, row, requirement);
  if (!core.ok) return core;
  const claims = [row.Claims_d, row.Claims].map((c) => readEmbeddedJson(c, flags)).filter(isObject);
  const authorization = [row.Authorization_d, row.Authorization]
    .map((a) => readEmbeddedJson(a, flags))
    .find(isObject);
  const properties = objectAt(
    [row.Properties_d, row.Properties].map((p) => readEmbeddedJson(p, flags)).find(isObject),
  );
  const evidence = objectAt(authorization, "evidence");
  const resourceId = firstStr(row._ResourceId, row.ResourceId);
  const subscription = firstStr(row.SubscriptionId)?.toLowerCase() ?? subscriptionOf(resourceId);
  const caller = azureCaller(row.Caller, claims, evidence.principalId, undefined);
  const principalType = azurePrincipalType(evidence.principalType, claims);
  const status = firstStr(row.ActivityStatusValue, row.ActivityStatus) ?? "";
  const httpRequest = readEmbeddedJson(row.HTTPRequest, flags);
  const callerIp = firstStr(row.CallerIpAddress, at(httpRequest, "clientIpAddress"));
  const source = classifySource(callerIp);
  const operation = firstStr(row.OperationNameValue, row.OperationName) ?? "";
  const fields: Fields = {
    kind: "api_call",
    eventTime: resolveEventTime([timeGenerated(row)], [properties.eventTimestamp], flags),
    operation,
    actor: caller,
    actorType: principalType,
    sourceIp: source.ip,
    sourceHost: source.host,
    account: subscription,
    region: "",
    userAgent: "",
    outcome: outcomeOf(status),
    outcomeCode: status,
    nativeId: firstStr(row.EventDataId, properties.eventDataId) ?? null,
    correlationId: columnText(row.CorrelationId),
  };
  // The Sentinel columns stay as the row has them: parity judges what Sentinel would see.
  const columns = {
    Caller: caller,
    SubscriptionId: subscription,
    ResourceId: resourceId,
    CallerPrincipalType: principalType,
  };
  return { ok: true, fields, columns };
}

function cloudTrail(row: JsonObject, flags: Set<EventFlag>): Mapped {
  const core = checkCore(sentinelCloudTrailRow, row, "An AWSCloudTrail row needs EventName");
  if (!core.ok) return core;
  const source = classifySource(row.SourceIpAddress);
  const errorCode = columnText(row.ErrorCode);
  const consoleFailure =
    errorCode === "" &&
    at(readEmbeddedJson(row.ResponseElements, flags), "ConsoleLogin") === "Failure";
  const fields: Fields = {
    kind: row.EventTypeName === "AwsCloudTrailInsight" ? "insight" : "api_call",
    eventTime: resolveEventTime([timeGenerated(row)], [], flags),
    operation: columnText(row.EventName),
    actor: awsActor({
      type: row.UserIdentityType,
      userName: row.UserIdentityUserName,
      issuerUserName: row.SessionIssuerUserName,
      issuerArn: row.SessionIssuerArn,
      arn: row.UserIdentityArn,
      invokedBy: row.UserIdentityInvokedBy,
      onBehalfOfUserId: row.UserIdentityUserId,
      principalId: row.UserIdentityPrincipalid,
      accountId: row.UserIdentityAccountId,
    }),
    actorType: columnText(row.UserIdentityType),
    sourceIp: source.ip,
    sourceHost: source.host,
    account: firstStr(row.RecipientAccountId, row.UserIdentityAccountId) ?? "",
    region: columnText(row.AWSRegion),
    userAgent: columnText(row.UserAgent),
    outcome: errorCode !== "" || consoleFailure ? "failure" : "success",
    outcomeCode: consoleFailure ? "Failure" : errorCode,
    nativeId: firstStr(row.AwsEventId) ?? null,
    correlationId: "",
  };
  return { ok: true, fields, columns: { OperationName: "CloudTrail" } };
}
