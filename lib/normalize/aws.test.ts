import { describe, expect, it } from "vitest";
import { SENTINEL_COLUMNS } from "../events/sentinel-columns";
import type { NormalizedEvent } from "../events/types";
import { normalizeCloudTrail } from "./aws";
import type { JsonObject } from "./json";

const BASE = {
  eventVersion: "1.09",
  eventTime: "2024-03-05T12:00:00Z",
  eventSource: "iam.amazonaws.com",
  eventName: "CreateUser",
  awsRegion: "us-east-1",
  sourceIPAddress: "203.0.113.10",
  recipientAccountId: "111122223333",
};

function normalize(record: JsonObject): NormalizedEvent {
  const result = normalizeCloudTrail(record);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

function actor(userIdentity: JsonObject): [string, string] {
  const event = normalize({ ...BASE, userIdentity });
  return [event.actorType, event.actor];
}

describe("CloudTrail actor fallback order", () => {
  const issuer = { type: "Role", arn: "arn:aws:iam::1:role/deployer", userName: "deployer" };
  const session = { sessionIssuer: issuer };

  it.each([
    [{ type: "IAMUser", userName: "alice", arn: "arn:aws:iam::1:user/alice" }, "alice"],
    [
      {
        type: "AssumedRole",
        arn: "arn:aws:sts::1:assumed-role/deployer/s",
        sessionContext: session,
      },
      "deployer",
    ],
    [
      { type: "AssumedRole", arn: "arn:x", sessionContext: { sessionIssuer: { arn: "arn:role" } } },
      "arn:role",
    ],
    [
      { type: "AssumedRole", arn: "arn:aws:sts::1:assumed-role/r/s" },
      "arn:aws:sts::1:assumed-role/r/s",
    ],
    [{ type: "Root", arn: "arn:aws:iam::1:root", principalId: "1" }, "arn:aws:iam::1:root"],
    [
      { type: "FederatedUser", arn: "arn:aws:sts::1:federated-user/f", sessionContext: session },
      "arn:aws:sts::1:federated-user/f",
    ],
    [{ type: "AWSService", invokedBy: "ec2.amazonaws.com" }, "ec2.amazonaws.com"],
    [{ type: "IdentityCenterUser", onBehalfOf: { userId: "u-1" }, accountId: "1" }, "u-1"],
    [{ type: "AWSAccount", principalId: "AIDAOTHER", accountId: "444455556666" }, "AIDAOTHER"],
    [{ type: "Unknown", accountId: "111122223333" }, "111122223333"],
    [{ type: "SAMLUser", userName: "bob@example.com", principalId: "p" }, "bob@example.com"],
  ])("%j acts as %s", (identity, expected) => {
    expect(actor(identity)).toEqual([identity.type, expected]);
  });

  it("keeps an unusual identity type verbatim", () => {
    expect(actor({ type: "assumedrole", userName: "x" })).toEqual(["assumedrole", "x"]);
  });
});

describe("normalizeCloudTrail", () => {
  it("fills every field and every Sentinel column", () => {
    const event = normalize({
      ...BASE,
      eventID: "id-1",
      userAgent: "aws-cli/2",
      userIdentity: { type: "IAMUser", userName: "alice", accountId: "999" },
      requestParameters: { userName: "bob" },
    });
    expect(event).toMatchObject({
      table: "AWSCloudTrail",
      kind: "api_call",
      operation: "CreateUser",
      account: "111122223333",
      region: "us-east-1",
      userAgent: "aws-cli/2",
      outcome: "success",
      outcomeCode: "",
      nativeId: "id-1",
      sourceIp: "203.0.113.10",
    });
    expect(Object.keys(event.sentinel)).toEqual([...SENTINEL_COLUMNS.AWSCloudTrail]);
    expect(event.sentinel).toMatchObject({
      OperationName: "CloudTrail",
      EventName: "CreateUser",
      UserIdentityType: "IAMUser",
      ErrorCode: "",
      RequestParameters: '{"userName":"bob"}',
    });
  });

  it("marks a call with an errorCode, or a failed console sign-in, as failed", () => {
    const denied = normalize({ ...BASE, errorCode: "AccessDenied" });
    expect([denied.outcome, denied.outcomeCode]).toEqual(["failure", "AccessDenied"]);
    const signIn = normalize({
      ...BASE,
      eventName: "ConsoleLogin",
      errorMessage: "Failed authentication",
      responseElements: { ConsoleLogin: "Failure" },
    });
    expect([signIn.outcome, signIn.sentinel.ErrorCode]).toEqual(["failure", ""]);
  });

  it("uses the identity's account when there is no recipient account", () => {
    const { recipientAccountId: _, ...rest } = BASE;
    expect(normalize({ ...rest, userIdentity: { accountId: "222" } }).account).toBe("222");
  });

  it("reads an Insights event without identity or API name", () => {
    const event = normalize({
      eventVersion: "1.07",
      eventTime: "2024-03-05T17:00:00Z",
      eventType: "AwsCloudTrailInsight",
      eventID: "i-1",
      insightDetails: { state: "Start", eventName: "RunInstances" },
    });
    expect(event).toMatchObject({
      kind: "insight",
      operation: "RunInstances",
      actor: "",
      outcome: "unknown",
    });
    expect(event.sentinel.EventName).toBe("");
  });

  it("rejects a record without eventName or eventVersion, naming what is missing", () => {
    const result = normalizeCloudTrail({
      eventSource: "s3.amazonaws.com",
      eventTime: "2024-03-05T12:00:00Z",
    });
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.reason).toMatch(/needs an eventName or an eventVersion/);
  });

  it("keeps a cut-down record (eventVersion and identity only), flagging its missing time", () => {
    const event = normalize({
      eventVersion: "1.08",
      userIdentity: { type: "IAMUser", userName: "a" },
    });
    expect(event.operation).toBe("");
    expect(event.flags).toEqual(["time_unreadable"]);
  });
});
