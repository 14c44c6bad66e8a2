import { describe, expect, it } from "vitest";
import type { SentinelColumn } from "../../../events/sentinel-columns";
import { sentinelRow } from "../../test-input";
import { judgeCloudTrail } from "./aws";
import type { Judgement, ListHit } from "./judgement";

type Fields = Partial<Record<SentinelColumn<"AWSCloudTrail">, string>>;

const judge = (fields: Fields): Judgement => judgeCloudTrail(sentinelRow("AWSCloudTrail", fields));

function hitOf(judgement: Judgement): ListHit {
  if ("miss" in judgement) throw new Error(`expected a hit, got: ${judgement.miss}`);
  return judgement.hit;
}

const entryOf = (judgement: Judgement): string => hitOf(judgement).entry;

function missOf(judgement: Judgement): string {
  if ("hit" in judgement) throw new Error(`expected a miss, got: ${judgement.hit.explanation}`);
  return judgement.miss;
}

const sameAccount = { UserIdentityAccountId: "111122223333", RecipientAccountId: "111122223333" };

describe("hardened AWS list", () => {
  it("matches names exactly, ignoring case", () => {
    expect(entryOf(judge({ EventName: "attachrolepolicy" }))).toBe("AttachRolePolicy");
    expect(missOf(judge({ EventName: "AttachRolePolicyX" }))).toBe(
      "EventName `AttachRolePolicyX` is not on the AWS list",
    );
    expect("miss" in judge({ EventName: "iam:CreateUser" })).toBe(true);
  });

  it("ignores case by simple case folding, as the parity rule does", () => {
    expect(entryOf(judge({ EventName: "\u017fTOPLOGGING" }))).toBe("StopLogging");
    expect(entryOf(judge({ EventName: "CreateAccess\u212aey" }))).toBe("CreateAccessKey");
    expect(missOf(judge({ EventName: "D\u0131sableGuardDuty" }))).toMatch(/not on the AWS list/);
  });

  it("does not carry the Sentinel list's invented names", () => {
    expect("miss" in judge({ EventName: "DisableGuardDuty" })).toBe(true);
  });

  it("names the listed spelling when the value differs in case", () => {
    const judgement = judge({ EventName: "createuser" });
    expect(hitOf(judgement).explanation).toBe(
      "EventName `createuser` matches `CreateUser` on the AWS list",
    );
  });
});

describe("hardened Lambda pattern", () => {
  const lambda = (EventName: string, EventSource = "lambda.amazonaws.com") =>
    judge({ EventName, EventSource });

  it("matches versioned names from lambda.amazonaws.com", () => {
    expect(entryOf(lambda("CreateFunction20150331"))).toBe("CreateFunction");
    expect(entryOf(lambda("UpdateFunctionCode20150331v2"))).toBe("UpdateFunctionCode");
    expect(entryOf(lambda("UpdateFunctionConfiguration"))).toBe("UpdateFunctionConfiguration");
    expect(entryOf(lambda("AddPermission20150331v2"))).toBe("AddPermission");
  });

  it("explains the pattern match", () => {
    const judgement = lambda("UpdateFunctionCode20150331v2");
    expect(hitOf(judgement).explanation).toBe(
      "EventName `UpdateFunctionCode20150331v2` matches the Lambda pattern for " +
        "`UpdateFunctionCode`",
    );
  });

  it("rejects malformed suffixes", () => {
    expect("miss" in lambda("CreateFunction2015")).toBe(true);
    expect("miss" in lambda("CreateFunction20150331v")).toBe(true);
    expect("miss" in lambda("DeleteFunction20150331")).toBe(true);
  });

  it("applies only to calls to Lambda", () => {
    expect("miss" in lambda("AddPermission", "sns.amazonaws.com")).toBe(true);
    expect("miss" in lambda("CreateFunction20150331", "")).toBe(true);
  });
});

describe("hardened STS drop", () => {
  it("drops an STS call within the same account", () => {
    const judgement = judge({
      EventName: "GetSessionToken",
      UserIdentityType: "IAMUser",
      ...sameAccount,
    });
    expect(missOf(judgement)).toBe("STS call within the same account");
  });

  it("keeps the root user's STS call", () => {
    const judgement = judge({
      EventName: "GetSessionToken",
      UserIdentityType: "Root",
      ...sameAccount,
    });
    expect(entryOf(judgement)).toBe("GetSessionToken");
  });

  it("keeps a cross-account call and says so", () => {
    const judgement = judge({
      EventName: "AssumeRole",
      UserIdentityType: "AssumedRole",
      UserIdentityAccountId: "444455556666",
      RecipientAccountId: "111122223333",
    });
    expect(hitOf(judgement).explanation).toBe(
      "EventName `AssumeRole` is on the AWS list; " +
        "STS call kept: caller account 444455556666 differs from 111122223333",
    );
  });

  it("drops a cross-account call by an AWS service", () => {
    const judgement = judge({
      EventName: "AssumeRole",
      UserIdentityType: "AWSService",
      UserIdentityAccountId: "444455556666",
      RecipientAccountId: "111122223333",
    });
    expect(missOf(judgement)).toBe("STS call by an AWS service");
  });

  it("drops an STS call whose caller account is not recorded", () => {
    const judgement = judge({
      EventName: "AssumeRoleWithSAML",
      UserIdentityType: "SAMLUser",
      RecipientAccountId: "111122223333",
    });
    expect(missOf(judgement)).toBe("STS call whose caller account is not recorded");
  });

  it("leaves calls that are not STS alone", () => {
    expect(entryOf(judge({ EventName: "CreateUser", UserIdentityType: "AWSService" }))).toBe(
      "CreateUser",
    );
  });
});

describe("hardened service-linked role drop", () => {
  it("drops calls from a service-linked role", () => {
    const judgement = judge({
      EventName: "RunInstances",
      UserIdentityType: "AssumedRole",
      SessionIssuerArn:
        "arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/" +
        "AWSServiceRoleForAutoScaling",
    });
    expect(missOf(judgement)).toContain("service-linked role");
  });

  it("keeps other roles", () => {
    const judgement = judge({
      EventName: "RunInstances",
      SessionIssuerArn: "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/Admin",
    });
    expect(entryOf(judgement)).toBe("RunInstances");
  });
});

describe("hardened UpdateDetector condition", () => {
  const detector = (RequestParameters: string) =>
    judge({ EventName: "UpdateDetector", RequestParameters });

  it("keeps UpdateDetector that disables GuardDuty", () => {
    expect(entryOf(detector('{"detectorId":"d1","enable":false}'))).toBe("UpdateDetector");
  });

  it.each([
    ['{"detectorId":"d1","enable":true}'],
    ['{"detectorId":"d1","enable":"false"}'],
    ['{"detectorId":"d1"}'],
    ["not json"],
    [""],
  ])("drops UpdateDetector with request parameters %s", (parameters) => {
    expect(missOf(detector(parameters))).toBe(
      "UpdateDetector does not set requestParameters.enable to false",
    );
  });
});
