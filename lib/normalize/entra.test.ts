import { describe, expect, it } from "vitest";
import { SENTINEL_COLUMNS } from "../events/sentinel-columns";
import type { NormalizedEvent } from "../events/types";
import { entraActor, normalizeEntra } from "./entra";
import type { JsonObject } from "./json";

function normalize(record: JsonObject): NormalizedEvent {
  const result = normalizeEntra(record);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

const ACTIVITY = {
  id: "Directory_1",
  category: "GroupManagement",
  correlationId: "c-1",
  result: "failure",
  resultReason: "denied",
  activityDisplayName: "Add member to group",
  activityDateTime: "2024-03-05T15:00:00.1111111Z",
  loggedByService: "Core Directory",
  initiatedBy: {
    user: { userPrincipalName: "a@example.com", ipAddress: "203.0.113.40" },
    app: null,
  },
  additionalDetails: [{ key: "User-Agent", value: "Mozilla/5.0" }],
};

describe("entraActor fallback order", () => {
  it.each([
    [{ user: { userPrincipalName: "a@x", displayName: "A" } }, undefined, "a@x"],
    [{ user: { displayName: "A", id: "u-1" } }, undefined, "A"],
    [{ app: { displayName: "Sync App", servicePrincipalName: "spn" } }, undefined, "Sync App"],
    [{ app: { displayName: null, servicePrincipalName: "spn" } }, undefined, "spn"],
    [{ user: null, app: null }, "Managed Service Identity", "Managed Service Identity"],
    [{ user: { id: "u-1" } }, "", "u-1"],
    [{ app: { appId: "app-1" } }, undefined, "app-1"],
    [undefined, undefined, ""],
  ])("%j with identity %j acts as %s", (initiatedBy, identity, expected) => {
    expect(entraActor(initiatedBy, identity)).toBe(expected);
  });
});

describe("normalizeEntra", () => {
  it("reads a Graph directoryAudit", () => {
    const event = normalize(ACTIVITY);
    expect(event).toMatchObject({
      table: "AuditLogs",
      eventTime: new Date("2024-03-05T15:00:00.111Z"),
      operation: "Add member to group",
      actor: "a@example.com",
      actorType: "User",
      sourceIp: "203.0.113.40",
      account: "",
      userAgent: "Mozilla/5.0",
      outcome: "failure",
      outcomeCode: "failure",
      nativeId: "Directory_1",
    });
    expect(Object.keys(event.sentinel)).toEqual([...SENTINEL_COLUMNS.AuditLogs]);
    expect(event.sentinel).toMatchObject({
      OperationName: "Add member to group",
      Identity: "",
      ResultType: "",
      Result: "failure",
      Category: "GroupManagement",
    });
  });

  it("reads a diagnostic record whose properties are JSON text", () => {
    const event = normalize({
      time: "2024-03-05T15:00:01Z",
      operationName: "Invite Internal User",
      category: "AuditLogs",
      tenantId: "TENANT-1",
      identity: "Admin",
      resultType: "",
      resultDescription: "done",
      properties: JSON.stringify({ ...ACTIVITY, activityDisplayName: "Invite external user" }),
    });
    expect(event).toMatchObject({
      eventTime: new Date("2024-03-05T15:00:01Z"),
      operation: "Invite Internal User",
      account: "tenant-1",
      flags: ["json_in_string_decoded"],
    });
    expect(event.sentinel).toMatchObject({
      OperationName: "Invite Internal User",
      ActivityDisplayName: "Invite external user",
      Identity: "Admin",
      ResultDescription: "done",
      AADTenantId: "tenant-1",
    });
  });

  it("keeps an empty, blank or absent diagnostic operationName as Sentinel's OperationName", () => {
    for (const operationName of ["", "   ", undefined]) {
      const event = normalize({
        time: "2024-03-05T15:00:01Z",
        ...(operationName === undefined ? {} : { operationName }),
        category: "AuditLogs",
        properties: { ...ACTIVITY, activityDisplayName: "Group_AddMember" },
      });
      expect(event.sentinel.OperationName, JSON.stringify(operationName)).toBe(operationName ?? "");
      expect(event.sentinel.ActivityDisplayName).toBe("Group_AddMember");
      // The event's own operation column still names the activity for analysts.
      if (operationName !== "   ") expect(event.operation).toBe("Group_AddMember");
    }
  });

  it("takes the tenant from the resource id and the time from properties when needed", () => {
    const event = normalize({
      operationName: "Delete user",
      category: "AuditLogs",
      resourceId: "/tenants/ABC/providers/Microsoft.aadiam",
      properties: { activityDateTime: "2024-03-05 16:32:16.087554000", result: "success" },
    });
    expect(event).toMatchObject({ account: "abc", outcome: "success", flags: ["time_fallback"] });
    expect(event.eventTime.toISOString()).toBe("2024-03-05T16:32:16.087Z");
  });
});
