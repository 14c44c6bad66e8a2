import { describe, expect, it } from "vitest";
import { SENTINEL_COLUMNS } from "../events/sentinel-columns";
import type { NormalizedEvent } from "../events/types";
import { normalizeAzureActivity } from "./azure-activity";
import type { JsonObject } from "./json";

const UPN = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
const OID = "http://schemas.microsoft.com/identity/claims/objectidentifier";
const RESOURCE =
  "/SUBSCRIPTIONS/AAAA0A0A-BB1B-CC2C-DD3D-EEEEEE4E4E4E/RESOURCEGROUPS/RG-1/PROVIDERS/X/Y/Z";

const DIAGNOSTIC = {
  time: "2024-03-05T10:00:00.1234567Z",
  resourceId: RESOURCE,
  operationName: "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE",
  category: "Administrative",
  resultType: "Start",
  resultSignature: "Started.",
  callerIpAddress: "203.0.113.25",
  correlationId: "corr-1",
};

function normalize(record: JsonObject): NormalizedEvent {
  const result = normalizeAzureActivity(record);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

describe("Azure Activity caller fallback order", () => {
  it.each([
    [{ caller: "rob@contoso.com", claims: { [UPN]: "other@x" } }, "rob@contoso.com"],
    [{ identity: { claims: { [UPN]: "carol@example.com", appid: "app-1" } } }, "carol@example.com"],
    [{ identity: { claims: { appid: "app-1", [OID]: "oid-1" } } }, "app-1"],
    [{ identity: { claims: { [OID]: "oid-1" } } }, "oid-1"],
    [{ identity: { authorization: { evidence: { principalId: "p-1" } } } }, "p-1"],
    [{ identity: "John Doe" }, "John Doe"],
    [{}, ""],
  ])("%j calls as %s", (extra, expected) => {
    expect(normalize({ ...DIAGNOSTIC, ...extra }).actor).toBe(expected);
  });
});

describe("normalizeAzureActivity", () => {
  it("reads a diagnostic export record", () => {
    const event = normalize({
      ...DIAGNOSTIC,
      identity: { authorization: { evidence: { principalType: "ServicePrincipal" } } },
    });
    expect(event).toMatchObject({
      table: "AzureActivity",
      eventTime: new Date("2024-03-05T10:00:00.123Z"),
      operation: "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE",
      actorType: "ServicePrincipal",
      account: "aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e",
      outcome: "in_progress",
      outcomeCode: "Start",
      nativeId: null,
      correlationId: "corr-1",
      sourceIp: "203.0.113.25",
    });
    expect(Object.keys(event.sentinel)).toEqual([...SENTINEL_COLUMNS.AzureActivity]);
    expect(event.sentinel).toMatchObject({
      OperationNameValue: "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE",
      OperationName: "",
      ActivityStatusValue: "Start",
      ActivitySubstatusValue: "Started.",
      ResourceGroup: "RG-1",
      CallerPrincipalType: "ServicePrincipal",
    });
  });

  it("reads the REST shape and the same fields in the SDK's snake_case", () => {
    const rest = {
      caller: "rob@contoso.com",
      eventDataId: "ed-1",
      eventTimestamp: "2018-01-29T20:42:31.3810679Z",
      operationName: {
        value: "Microsoft.Compute/virtualMachines/write",
        localizedValue: "Create VM",
      },
      status: { value: "Succeeded" },
      subStatus: { value: "Created" },
      category: { value: "Administrative" },
      httpRequest: { clientIpAddress: "1.2.3.4" },
      subscriptionId: "SUB-1",
      resourceGroupName: "rg",
      correlationId: "c-1",
    };
    const sdk = {
      caller: "rob@contoso.com",
      event_data_id: "ed-1",
      event_timestamp: "2018-01-29T20:42:31.3810679Z",
      operation_name: {
        value: "Microsoft.Compute/virtualMachines/write",
        localized_value: "Create VM",
      },
      status: { value: "Succeeded" },
      sub_status: { value: "Created" },
      category: { value: "Administrative" },
      http_request: { client_ip_address: "1.2.3.4" },
      subscription_id: "SUB-1",
      resource_group_name: "rg",
      correlation_id: "c-1",
    };
    const [a, b] = [normalize(rest), normalize(sdk)];
    expect(a).toEqual(b);
    expect(a).toMatchObject({
      outcome: "success",
      nativeId: "ed-1",
      account: "sub-1",
      sourceIp: "1.2.3.4",
    });
    expect(a.sentinel).toMatchObject({
      OperationName: "Create VM",
      ActivitySubstatusValue: "Created",
    });
  });

  it("decodes identity, claims and properties held as JSON text, keeping URL claim keys", () => {
    const event = normalize({
      ...DIAGNOSTIC,
      time: undefined,
      identity: JSON.stringify({ claims: { [UPN]: "dave@example.com", idtyp: "user" } }),
      properties: JSON.stringify({ eventTimestamp: "2024-03-05T10:05:00Z" }),
    });
    expect(event).toMatchObject({ actor: "dave@example.com", actorType: "User" });
    expect(event.flags).toEqual(["json_in_string_decoded", "time_fallback"]);
    expect(event.eventTime.toISOString()).toBe("2024-03-05T10:05:00.000Z");
  });

  it("rejects a record without an operation name", () => {
    const { operationName: _, ...rest } = DIAGNOSTIC;
    const result = normalizeAzureActivity(rest);
    expect(result.ok ? "" : result.reason).toMatch(/needs an operationName/);
  });
});
