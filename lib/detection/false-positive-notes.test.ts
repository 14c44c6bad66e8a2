import { describe, expect, it } from "vitest";
import { falsePositiveNotes } from "./false-positive-notes";
import { ruleInput } from "./test-input";

const RULE_NOTE_COUNT = 3;

function hintsOf(input: Parameters<typeof falsePositiveNotes>[0]) {
  return falsePositiveNotes(input).slice(RULE_NOTE_COUNT);
}

describe("false-positive notes", () => {
  it("always starts with the rule's three notes, none caller-controlled", () => {
    const notes = falsePositiveNotes(ruleInput("AuditLogs", { OperationName: "Add user" }));
    expect(notes.map((note) => note.text)).toEqual([
      "Administrators create IAM users and roles during onboarding or provisioning.",
      "Infrastructure-as-Code tools (Terraform, CloudFormation, Pulumi) create resources.",
      "CI/CD pipelines deploy Lambda functions or update compute.",
    ]);
    expect(notes.some((note) => note.callerControlled)).toBe(false);
  });

  it.each([
    ["APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io)", "tool Terraform"],
    ["OpenTofu/1.6.0 terraform-provider-aws/5.0", "tools Terraform, OpenTofu"],
    ["pulumi-resource-aws/6.0 aws-sdk-go-v2/1.2", "tool Pulumi"],
    ["aws-cdk/2.100.0", "tool AWS CDK"],
    ["cloudformation.amazonaws.com", "tool CloudFormation"],
    ["crossplane-provider-aws/v0.40", "tool Crossplane"],
    ["Botocore/1.31 Ansible/2.15", "tool Ansible"],
  ])("flags the IaC user agent %s as a caller's claim", (UserAgent, named) => {
    const [hint, ...rest] = hintsOf(ruleInput("AWSCloudTrail", { UserAgent }));
    expect(rest).toEqual([]);
    expect(hint?.callerControlled).toBe(true);
    expect(hint?.text).toContain(`names the IaC ${named}.`);
    expect(hint?.text).toContain("The caller sets its own user agent");
  });

  it("gives no hint for an ordinary user agent", () => {
    const input = ruleInput("AWSCloudTrail", { UserAgent: "aws-cli/2.13.5 Python/3.11.4" });
    expect(hintsOf(input)).toEqual([]);
  });

  it("shortens a long user agent", () => {
    const UserAgent = `Terraform/1.5 ${"x".repeat(300)}`;
    const [hint] = hintsOf(ruleInput("AWSCloudTrail", { UserAgent }));
    expect(hint?.text.length).toBeLessThan(250);
    expect(hint?.text).toContain("…");
  });

  it("notes calls CloudFormation made for the caller", () => {
    const input = ruleInput("AWSCloudTrail", {
      UserIdentityInvokedBy: "cloudformation.amazonaws.com",
    });
    expect(hintsOf(input)).toEqual([
      {
        text: "CloudFormation made this call for the caller (invokedBy cloudformation).",
        callerControlled: false,
      },
    ]);
  });

  it("names the CI service of a web-identity session", () => {
    const input = ruleInput("AWSCloudTrail", {
      UserIdentityType: "AssumedRole",
      WebIdFederationProvider:
        "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
    });
    expect(hintsOf(input)).toEqual([
      {
        text: "Web-identity session from GitHub Actions: likely a CI/CD pipeline.",
        callerControlled: false,
      },
    ]);
  });

  it("reads a web-identity user's provider from its principal id", () => {
    const input = ruleInput("AWSCloudTrail", {
      UserIdentityType: "WebIdentityUser",
      UserIdentityPrincipalid: "arn:aws:iam::111122223333:oidc-provider/gitlab.com:repo",
    });
    expect(hintsOf(input)[0]?.text).toBe(
      "Web-identity session from GitLab CI/CD: likely a CI/CD pipeline.",
    );
  });

  it("does not read an assumed role's session name, which the caller chose", () => {
    const input = ruleInput("AWSCloudTrail", {
      UserIdentityType: "AssumedRole",
      UserIdentityPrincipalid: "AROAEXAMPLE:gitlab-runner",
    });
    expect(hintsOf(input)).toEqual([]);
  });

  it("gives a general hint for a web-identity user from another provider", () => {
    const input = ruleInput("AWSCloudTrail", { UserIdentityType: "WebIdentityUser" });
    expect(hintsOf(input)[0]?.text).toBe(
      "Web-identity caller: CI/CD pipelines often sign in this way.",
    );
  });

  it.each([
    [{ Caller: "eve@contoso.com", CallerPrincipalType: "ServicePrincipal" }, true],
    [{ Caller: "8A4194DD-8BEF-54A4-8767-F93B5D15F25C" }, true],
    [{ Caller: "eve@contoso.com" }, false],
    [{ Caller: "ci-sp" }, false],
  ])("flags an Azure caller that is a service principal: %o", (fields, expected) => {
    const hints = hintsOf(ruleInput("AzureActivity", fields));
    expect(hints.length === 1 && hints[0]?.text.includes("is a service principal")).toBe(expected);
  });

  it("flags an Entra operation initiated by an application", () => {
    const InitiatedBy = JSON.stringify({ app: { displayName: "Example Sync App", appId: null } });
    const hints = hintsOf(ruleInput("AuditLogs", { InitiatedBy }));
    expect(hints[0]?.text).toBe(
      "Initiated by the application `Example Sync App`, not a user; " +
        "automation and pipelines act this way.",
    );
  });

  it.each([[JSON.stringify({ user: { userPrincipalName: "a@example.com" } })], ["not json"], [""]])(
    "gives no Entra hint for %s",
    (InitiatedBy) => {
      expect(hintsOf(ruleInput("AuditLogs", { InitiatedBy }))).toEqual([]);
    },
  );
});
