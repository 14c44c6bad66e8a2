import type { SentinelRow } from "../../../events/types";
import { cell } from "../../cell";
import { foldCase } from "../../kusto/has";
import type { Judgement } from "./judgement";
import { onList } from "./judgement";
import {
  AWS_EVENT_NAMES,
  byFoldedCase,
  LAMBDA_EVENT_NAME,
  LAMBDA_EVENT_SOURCE,
  LAMBDA_OPERATIONS,
  STS_EVENT_NAMES,
} from "./lists";

const AWS_BY_NAME = byFoldedCase(AWS_EVENT_NAMES);
const LAMBDA_BY_NAME = byFoldedCase(LAMBDA_OPERATIONS);
const STS = new Set<string>(STS_EVENT_NAMES);

/** A condition a listed event must pass: why it is dropped, why it is kept, or null. */
type CheckResult = { drop: string } | { keep: string } | null;
type Check = (entry: string, row: SentinelRow) => CheckResult;

const CHECKS: readonly Check[] = [stsCaller, serviceLinkedRole, detectorDisabled];

/** The CloudTrail part of the hardened rule (spec/detection.md section 6, "AWS"). */
export function judgeCloudTrail(row: SentinelRow): Judgement {
  const name = cell(row, "EventName");
  const entry = AWS_BY_NAME.get(foldCase(name)) ?? lambdaEntry(name, row);
  if (entry === undefined) return { miss: `EventName \`${name}\` is not on the AWS list` };

  const notes = [nameExplanation(name, entry)];
  for (const check of CHECKS) {
    const result = check(entry, row);
    if (result === null) continue;
    if ("drop" in result) return { miss: result.drop };
    notes.push(result.keep);
  }
  return { hit: { entry, explanation: notes.join("; "), groupKey: "" } };
}

/** Lambda names are matched by pattern, and only for calls to Lambda itself. */
function lambdaEntry(name: string, row: SentinelRow): string | undefined {
  if (foldCase(cell(row, "EventSource")) !== LAMBDA_EVENT_SOURCE) return undefined;
  const base = LAMBDA_EVENT_NAME.exec(name)?.[1];
  return base === undefined ? undefined : LAMBDA_BY_NAME.get(foldCase(base));
}

function nameExplanation(name: string, entry: string): string {
  if (AWS_BY_NAME.has(foldCase(entry))) return onList("EventName", name, entry, "AWS");
  return `EventName \`${name}\` matches the Lambda pattern for \`${entry}\``;
}

/**
 * Credential refreshes and routine sessions are STS calls within one account; keep the root user
 * and callers from another account, unless that caller is an AWS service.
 */
function stsCaller(entry: string, row: SentinelRow): CheckResult {
  if (!STS.has(entry)) return null;

  const callerType = cell(row, "UserIdentityType");
  const callerAccount = cell(row, "UserIdentityAccountId");
  const recipient = cell(row, "RecipientAccountId");
  if (callerType === "Root") return { keep: "STS call kept: the caller is the root user" };
  if (callerType === "AWSService") return { drop: "STS call by an AWS service" };
  // SAML and web-identity callers carry no account id: an unknown account is not evidence of a
  // cross-account call, or every federated sign-in would alert.
  if (callerAccount === "" || recipient === "") {
    return { drop: "STS call whose caller account is not recorded" };
  }
  if (callerAccount === recipient) return { drop: "STS call within the same account" };
  return { keep: `STS call kept: caller account ${callerAccount} differs from ${recipient}` };
}

function serviceLinkedRole(_entry: string, row: SentinelRow): CheckResult {
  if (!cell(row, "SessionIssuerArn").includes("/aws-service-role/")) return null;
  return { drop: "the caller is a service-linked role (issuer ARN has /aws-service-role/)" };
}

/** UpdateDetector only matters when it turns GuardDuty off. */
function detectorDisabled(entry: string, row: SentinelRow): CheckResult {
  if (entry !== "UpdateDetector") return null;
  const enable = parseEnable(cell(row, "RequestParameters"));
  if (enable === false) return { keep: "requestParameters.enable is false (GuardDuty disabled)" };
  return { drop: "UpdateDetector does not set requestParameters.enable to false" };
}

function parseEnable(requestParameters: string): unknown {
  try {
    const parsed: unknown = JSON.parse(requestParameters);
    return typeof parsed === "object" && parsed !== null && "enable" in parsed
      ? parsed.enable
      : undefined;
  } catch {
    return undefined;
  }
}
