import type { SourceTable } from "./types";

/**
 * The Sentinel columns a normalised event carries in `NormalizedEvent.sentinel`, per table. Every
 * listed column is present on every row of its table ("" when the record has no value), so rules
 * can rely on Kusto's "never null" semantics. Names and meanings follow spec/sentinel-schemas.md.
 * Columns marked "Tripline" are not Sentinel columns; they carry native fields the false-positive
 * hints need.
 */
export const SENTINEL_COLUMNS = {
  AWSCloudTrail: [
    "OperationName", // the constant "CloudTrail"
    "EventName",
    "EventSource",
    "EventTypeName",
    "UserIdentityType",
    "UserIdentityArn",
    "UserIdentityAccountId",
    "UserIdentityPrincipalid",
    "UserIdentityUserName",
    "UserIdentityInvokedBy",
    "SessionIssuerType",
    "SessionIssuerArn",
    "SessionIssuerUserName",
    "SourceIpAddress",
    "UserAgent",
    "ErrorCode",
    "ErrorMessage",
    "RecipientAccountId",
    "AWSRegion",
    "AwsEventId",
    "RequestParameters", // JSON text of requestParameters; "" when null or absent
    "WebIdFederationProvider", // Tripline: sessionContext.webIdFederationData.federatedProvider
  ],
  AzureActivity: [
    "OperationNameValue",
    "OperationName", // display name: operationName.localizedValue (REST); "" in diagnostic exports
    "CallerIpAddress",
    "Caller",
    "ActivityStatusValue",
    "ActivitySubstatusValue",
    "CategoryValue",
    "CorrelationId",
    "SubscriptionId",
    "ResourceGroup",
    "ResourceId",
    "CallerPrincipalType", // Tripline: authorization.evidence.principalType or claims idtyp
  ],
  AuditLogs: [
    "OperationName",
    "ActivityDisplayName", // properties.activityDisplayName; can differ from OperationName
    "Identity",
    "ResultType",
    "ResultDescription",
    "Result",
    "ResultReason",
    "Category",
    "CorrelationId",
    "AADTenantId",
    "LoggedByService",
    "Id",
    "InitiatedBy", // JSON text of initiatedBy
  ],
} as const satisfies Record<SourceTable, readonly string[]>;

export type SentinelColumn<T extends SourceTable> = (typeof SENTINEL_COLUMNS)[T][number];

/** The six columns the Sentinel rule projects, in its order. */
export const PARITY_PROJECTION = [
  "TimeGenerated",
  "OperationName",
  "Identity",
  "CallerIpAddress",
  "ResultType",
  "ResultDescription",
] as const;
