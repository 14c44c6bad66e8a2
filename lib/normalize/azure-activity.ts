import type { EventFlag } from "../events/types";
import { azureCaller, azurePrincipalType } from "./azure-caller";
import { pick, pickPath, resourceGroupOf, subscriptionOf } from "./azure-resource";
import { classifySource } from "./ip";
import { at, columnText, firstStr, isObject, type JsonObject, objectAt } from "./json";
import { outcomeOf } from "./outcome";
import { azureActivityRecord, checkCore, type Normalized } from "./schemas";
import { sentinelRow } from "./sentinel-row";
import { readEmbeddedJson } from "./text";
import { resolveEventTime } from "./time";

/**
 * An Azure Activity record as an event. One reader for the three native shapes: diagnostic
 * export (`operationName` a string, `time`, `resultType`, `identity.claims`), REST / portal / CLI
 * (`operationName.value`, `eventTimestamp`, `status.value`, `claims`) and the Python SDK (the
 * REST fields in snake_case). JSON held in strings (`identity`, `claims`, `properties`) is read.
 */
export function normalizeAzureActivity(record: JsonObject): Normalized {
  const requirement = "An Azure Activity record needs an operationName";
  const core = checkCore(azureActivityRecord, record, requirement);
  if (!core.ok) return core;

  const flags = new Set<EventFlag>();
  const identityValue = readEmbeddedJson(record.identity, flags);
  const identity = isObject(identityValue) ? identityValue : {};
  const properties = objectAt(readEmbeddedJson(record.properties, flags));
  const claims = [identity.claims, record.claims, record.Claims]
    .map((c) => readEmbeddedJson(c, flags))
    .filter(isObject);
  const authorization = [identity.authorization, record.authorization, record.Authorization]
    .map((a) => readEmbeddedJson(a, flags))
    .find(isObject);
  const evidence = objectAt(authorization, "evidence");

  const operationName = pick(record, "operationName");
  const operation = firstStr(operationName, at(operationName, "value")) ?? "";
  const status = firstStr(record.resultType, pickPath(record, "status", "value"), record.status);
  const resourceId = pick(record, "resourceId");
  const subscription =
    firstStr(pick(record, "subscriptionId"))?.toLowerCase() ?? subscriptionOf(resourceId);
  const callerIp = firstStr(
    record.callerIpAddress,
    pickPath(record, "httpRequest", "clientIpAddress"),
  );
  const caller = azureCaller(record.caller, claims, evidence.principalId, identityValue);
  const principalType = azurePrincipalType(evidence.principalType, claims);
  const correlationId = columnText(pick(record, "correlationId"));
  const source = classifySource(callerIp);

  const eventTime = resolveEventTime(
    [record.time, pick(record, "eventTimestamp")],
    [properties.eventTimestamp, pick(record, "submissionTimestamp")],
    flags,
  );
  return {
    ok: true,
    event: {
      table: "AzureActivity",
      kind: "api_call",
      eventTime,
      operation,
      actor: caller,
      actorType: principalType,
      sourceIp: source.ip,
      sourceHost: source.host,
      account: subscription,
      region: columnText(record.location),
      userAgent: "",
      outcome: outcomeOf(status ?? ""),
      outcomeCode: status ?? "",
      nativeId: firstStr(pick(record, "eventDataId"), properties.eventDataId, record.id) ?? null,
      correlationId,
      sentinel: sentinelRow("AzureActivity", {
        OperationNameValue: operation,
        OperationName: pickPath(record, "operationName", "localizedValue"),
        CallerIpAddress: callerIp,
        Caller: caller,
        ActivityStatusValue: status,
        ActivitySubstatusValue: firstStr(
          record.resultSignature,
          pickPath(record, "subStatus", "value"),
        ),
        CategoryValue: firstStr(record.category, at(record.category, "value")),
        CorrelationId: correlationId,
        SubscriptionId: subscription,
        ResourceGroup: firstStr(pick(record, "resourceGroupName")) ?? resourceGroupOf(resourceId),
        ResourceId: resourceId,
        CallerPrincipalType: principalType,
      }),
      flags: [...flags],
    },
  };
}
