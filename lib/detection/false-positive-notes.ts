import type { SentinelRow } from "../events/types";
import { cell } from "./cell";
import type { RuleInput } from "./rules/rule";

export interface FalsePositiveNote {
  text: string;
  /** The hint rests on a value the caller chose (a user agent): a claim, not proof. */
  callerControlled: boolean;
}

/** The rule's known false positives (spec/detection.md section 1). */
const RULE_NOTES: readonly FalsePositiveNote[] = [
  "Administrators create IAM users and roles during onboarding or provisioning.",
  "Infrastructure-as-Code tools (Terraform, CloudFormation, Pulumi) create resources.",
  "CI/CD pipelines deploy Lambda functions or update compute.",
].map((text) => ({ text, callerControlled: false }));

const IAC_USER_AGENTS: readonly (readonly [tool: string, pattern: RegExp])[] = [
  ["Terraform", /\bterraform\b/i],
  ["OpenTofu", /\bopentofu\b/i],
  ["CDK for Terraform", /\bcdktf\b/i],
  ["Pulumi", /\bpulumi\b/i],
  ["AWS CDK", /\baws-cdk\b/i],
  ["CloudFormation", /\bcloudformation\b/i],
  ["Crossplane", /\bcrossplane\b/i],
  ["Ansible", /\bansible\b/i],
];

/** OIDC issuers of CI services, as they appear in a web-identity provider ARN or principal id. */
const CI_PROVIDERS: readonly (readonly [service: string, pattern: RegExp])[] = [
  ["GitHub Actions", /token\.actions\.githubusercontent\.com/i],
  ["GitLab CI/CD", /gitlab/i],
  ["CircleCI", /oidc\.circleci\.com/i],
  ["Bitbucket Pipelines", /api\.bitbucket\.org/i],
  ["Buildkite", /agent\.buildkite\.com/i],
  ["HCP Terraform", /app\.terraform\.io/i],
  ["Azure DevOps", /vstoken\.dev\.azure\.com/i],
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHOWN_AGENT_LENGTH = 120;

/** The rule's three notes, then hints drawn from the event itself (section 5). */
export function falsePositiveNotes(input: RuleInput): FalsePositiveNote[] {
  const hints = input.table === "AWSCloudTrail" ? cloudTrailHints(input) : azureHints(input);
  return [...RULE_NOTES, ...hints];
}

function cloudTrailHints({ row }: RuleInput): FalsePositiveNote[] {
  const hints: FalsePositiveNote[] = [];

  const agent = cell(row, "UserAgent");
  const tools = IAC_USER_AGENTS.filter(([, pattern]) => pattern.test(agent)).map(([tool]) => tool);
  if (tools.length > 0) {
    const named = tools.length === 1 ? "the IaC tool" : "the IaC tools";
    const text =
      `User agent \`${shorten(agent)}\` names ${named} ${tools.join(", ")}. The caller sets ` +
      "its own user agent, so this is a claim, not proof.";
    hints.push({ text, callerControlled: true });
  }

  if (cell(row, "UserIdentityInvokedBy").toLowerCase() === "cloudformation.amazonaws.com") {
    const text = "CloudFormation made this call for the caller (invokedBy cloudformation).";
    hints.push({ text, callerControlled: false });
  }

  const ciHint = webIdentityHint(row);
  if (ciHint !== null) hints.push({ text: ciHint, callerControlled: false });
  return hints;
}

function webIdentityHint(row: SentinelRow): string | null {
  // A web-identity user's principal id holds its provider ARN; an assumed role's holds a session
  // name the caller chose, which is not read.
  const isWebIdentityUser = cell(row, "UserIdentityType") === "WebIdentityUser";
  const provider = cell(row, "WebIdFederationProvider");
  const issuer = isWebIdentityUser
    ? `${provider} ${cell(row, "UserIdentityPrincipalid")}`
    : provider;
  const service = CI_PROVIDERS.find(([, pattern]) => pattern.test(issuer))?.[0];
  if (service !== undefined) {
    return `Web-identity session from ${service}: likely a CI/CD pipeline.`;
  }
  if (isWebIdentityUser) {
    return "Web-identity caller: CI/CD pipelines often sign in this way.";
  }
  return null;
}

function azureHints({ table, row }: RuleInput): FalsePositiveNote[] {
  if (table === "AzureActivity") {
    const caller = cell(row, "Caller");
    const isPrincipal =
      cell(row, "CallerPrincipalType").toLowerCase() === "serviceprincipal" || GUID.test(caller);
    if (!isPrincipal) return [];
    const text = `Caller \`${caller}\` is a service principal, as automation and pipelines are.`;
    return [{ text, callerControlled: false }];
  }

  const app = initiatingApp(cell(row, "InitiatedBy"));
  if (app === null) return [];
  const named = app === "" ? "an application" : `the application \`${app}\``;
  const text = `Initiated by ${named}, not a user; automation and pipelines act this way.`;
  return [{ text, callerControlled: false }];
}

/**
 * When an Entra operation was initiated by an application, not a user: the app's name, or "" when
 * it has none. Null for a user or an unreadable value.
 */
function initiatingApp(initiatedBy: string): string | null {
  try {
    const parsed: unknown = JSON.parse(initiatedBy);
    if (!isRecord(parsed) || !isRecord(parsed.app) || isRecord(parsed.user)) return null;
    const { displayName, servicePrincipalName, appId } = parsed.app;
    const names = [displayName, servicePrincipalName, appId];
    return names.find((name): name is string => typeof name === "string" && name !== "") ?? "";
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shorten(value: string): string {
  return value.length <= SHOWN_AGENT_LENGTH ? value : `${value.slice(0, SHOWN_AGENT_LENGTH)}…`;
}
