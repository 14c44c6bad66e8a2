import { firstStr } from "./json";

/** The identity fields an actor is chosen from; CloudTrail's userIdentity or Sentinel columns. */
export interface AwsIdentity {
  type: unknown;
  userName: unknown;
  issuerUserName: unknown;
  issuerArn: unknown;
  arn: unknown;
  invokedBy: unknown;
  onBehalfOfUserId?: unknown;
  principalId: unknown;
  accountId: unknown;
}

/**
 * Who acted, by a fixed fallback order, so every identity type gets one:
 * 1. userName (IAMUser, some Root and Unknown records);
 * 2. for an AssumedRole, the session issuer's userName, then its ARN: the role that was assumed;
 * 3. the ARN (Root, FederatedUser, AssumedRole without an issuer);
 * 4. invokedBy, the calling service (AWSService);
 * 5. onBehalfOf.userId (IdentityCenterUser);
 * 6. principalId (AWSAccount), then accountId.
 * "" when none is present (Insights events have no identity).
 */
export function awsActor(identity: AwsIdentity): string {
  const assumedRole = identity.type === "AssumedRole";
  return (
    firstStr(
      identity.userName,
      assumedRole ? identity.issuerUserName : undefined,
      assumedRole ? identity.issuerArn : undefined,
      identity.arn,
      identity.invokedBy,
      identity.onBehalfOfUserId,
      identity.principalId,
      identity.accountId,
    ) ?? ""
  );
}
