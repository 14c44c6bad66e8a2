import { foldCase } from "../../kusto/has";

/**
 * The hardened rule's lists, spelled as spec/detection.md section 6 writes them. Matching against
 * them is exact and case-insensitive; the spelling here is what an alert shows as matched.
 */

export const AWS_EVENT_NAMES = [
  "CreateUser",
  "CreateLoginProfile",
  "UpdateLoginProfile",
  "CreateAccessKey",
  "AttachUserPolicy",
  "AttachRolePolicy",
  "AttachGroupPolicy",
  "PutUserPolicy",
  "PutRolePolicy",
  "PutGroupPolicy",
  "CreatePolicyVersion",
  "SetDefaultPolicyVersion",
  "CreateRole",
  "UpdateAssumeRolePolicy",
  "CreateGroup",
  "AddUserToGroup",
  "AssumeRole",
  "AssumeRoleWithSAML",
  "AssumeRoleWithWebIdentity",
  "GetSessionToken",
  "GetFederationToken",
  "PutBucketPolicy",
  "DeleteBucketPolicy",
  "PutBucketAcl",
  "RunInstances",
  "CreateKeyPair",
  "ImportKeyPair",
  "StopLogging",
  "DeleteTrail",
  "UpdateTrail",
  "PutEventSelectors",
  "DeleteDetector",
  "UpdateDetector",
  "DisassociateFromAdministratorAccount",
  "DeleteFlowLogs",
  "LeaveOrganization",
] as const;

/** STS calls: dropped unless the caller is root or comes from another account (section 6). */
export const STS_EVENT_NAMES = [
  "AssumeRole",
  "AssumeRoleWithSAML",
  "AssumeRoleWithWebIdentity",
  "GetSessionToken",
  "GetFederationToken",
] as const;

export const LAMBDA_EVENT_SOURCE = "lambda.amazonaws.com";

/** Lambda event names carry an API-version suffix: `UpdateFunctionCode20150331v2`. */
export const LAMBDA_EVENT_NAME =
  /^(CreateFunction|UpdateFunctionCode|UpdateFunctionConfiguration|AddPermission)(\d{8}(v\d+)?)?$/i;

export const LAMBDA_OPERATIONS = [
  "CreateFunction",
  "UpdateFunctionCode",
  "UpdateFunctionConfiguration",
  "AddPermission",
] as const;

export const AZURE_OPERATIONS = [
  "Microsoft.Authorization/roleAssignments/write",
  "Microsoft.Authorization/roleDefinitions/write",
  "Microsoft.Authorization/roleAssignmentScheduleRequests/write",
  "Microsoft.Authorization/roleEligibilityScheduleRequests/write",
  "Microsoft.Authorization/elevateAccess/action",
  "Microsoft.Compute/virtualMachines/write",
  "Microsoft.Compute/virtualMachines/extensions/write",
  "Microsoft.Compute/virtualMachines/runCommand/action",
] as const;

export const ENTRA_ELEVATE_ACCESS =
  "User has elevated their access to User Access Administrator for their Azure Resources";

export const ENTRA_OPERATIONS = [
  "Add user",
  "Invite external user",
  "Add member to group",
  "Group_AddMember",
  "Add service principal",
  "Add service principal credentials",
  "Update application - Certificates and secrets management",
  "Add app role assignment to service principal",
  "Add delegated permission grant",
  "Consent to application",
  "Add owner to application",
  "Add owner to service principal",
  ENTRA_ELEVATE_ACCESS,
] as const;

export const ENTRA_PREFIXES = ["Add member to role", "Add eligible member to role"] as const;

/** Tampering with logging or detection. */
export const CRITICAL_ENTRIES: ReadonlySet<string> = new Set([
  "StopLogging",
  "DeleteTrail",
  "UpdateTrail",
  "PutEventSelectors",
  "DeleteDetector",
  "UpdateDetector",
  "DisassociateFromAdministratorAccount",
  "DeleteFlowLogs",
  "LeaveOrganization",
  "Microsoft.Authorization/elevateAccess/action",
  ENTRA_ELEVATE_ACCESS,
]);

/** Compute and code, and adding users or group members: routine enough to rank lower. */
export const MEDIUM_ENTRIES: ReadonlySet<string> = new Set([
  "RunInstances",
  "CreateKeyPair",
  "ImportKeyPair",
  ...LAMBDA_OPERATIONS,
  "Microsoft.Compute/virtualMachines/write",
  "Microsoft.Compute/virtualMachines/extensions/write",
  "Microsoft.Compute/virtualMachines/runCommand/action",
  "Add user",
  "Invite external user",
  "Add member to group",
  "Group_AddMember",
]);

/**
 * A lookup from the case-folded spelling to the listed one: names are compared ignoring case as
 * Kusto compares them (simple case folding, kusto/has.ts), so `ſTOPLOGGING` is StopLogging.
 */
export function byFoldedCase(entries: readonly string[]): ReadonlyMap<string, string> {
  return new Map(entries.map((entry) => [foldCase(entry), entry]));
}
