// Invented values only: example subscription and tenant ids, example.com, TEST-NET addresses.
export const SUBSCRIPTION = "00000000-1111-4222-8333-444444444444";
export const TENANT = "99999999-8888-4777-8666-555555555555";

/** An Activity Log record as the REST API returns it (operationName as {value, localizedValue}). */
export function activityRecord(id: number, operation: string, eventTimestamp: string) {
  const resource = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-example/providers/${operation.split("/").slice(0, 2).join("/")}/example-${id}`;
  return {
    authorization: { action: operation, scope: resource },
    caller: "mallory@example.com",
    channels: "Operation",
    claims: {
      ipaddr: "198.51.100.7",
      "http://schemas.microsoft.com/identity/claims/tenantid": TENANT,
    },
    correlationId: `00000000-0000-4000-9000-${String(id).padStart(12, "0")}`,
    eventDataId: `00000000-0000-4000-a000-${String(id).padStart(12, "0")}`,
    eventName: { value: "EndRequest", localizedValue: "End request" },
    category: { value: "Administrative", localizedValue: "Administrative" },
    eventTimestamp,
    id: `${resource}/events/${id}`,
    level: "Informational",
    operationId: `00000000-0000-4000-b000-${String(id).padStart(12, "0")}`,
    operationName: { value: operation, localizedValue: operation },
    resourceGroupName: "rg-example",
    resourceId: resource,
    status: { value: "Succeeded", localizedValue: "Succeeded" },
    subStatus: { value: "", localizedValue: "" },
    submissionTimestamp: eventTimestamp,
    subscriptionId: SUBSCRIPTION,
    properties: { statusCode: "OK" },
  };
}

/** An AzureActivity table row as a Log Analytics query returns it (dynamic columns as text). */
export function azureActivityRow(id: number, operation: string, time: string) {
  return {
    TimeGenerated: time,
    OperationNameValue: operation.toUpperCase(),
    ActivityStatusValue: "Success",
    Caller: "mallory@example.com",
    CallerIpAddress: "198.51.100.7",
    CorrelationId: `00000000-0000-4000-9000-${String(id).padStart(12, "0")}`,
    EventDataId: `00000000-0000-4000-a000-${String(id).padStart(12, "0")}`,
    SubscriptionId: SUBSCRIPTION,
    CategoryValue: "Administrative",
    Properties_d: JSON.stringify({ eventCategory: "Administrative" }),
    Claims_d: JSON.stringify({ ipaddr: "198.51.100.7" }),
    Type: "AzureActivity",
  };
}

/** An AWSCloudTrail table row as a Log Analytics query returns it. */
export function cloudTrailRow(id: number, eventName: string, time: string) {
  return {
    TimeGenerated: time,
    EventName: eventName,
    EventSource: "ec2.amazonaws.com",
    UserIdentityType: "IAMUser",
    UserIdentityUserName: "alice",
    UserIdentityArn: "arn:aws:iam::111122223333:user/alice",
    UserIdentityAccountId: "111122223333",
    RecipientAccountId: "111122223333",
    SourceIpAddress: "203.0.113.10",
    AWSRegion: "us-east-1",
    UserAgent: "aws-cli/2.15.0",
    ErrorCode: "",
    AwsEventId: `00000000-0000-4000-c000-${String(id).padStart(12, "0")}`,
    Type: "AWSCloudTrail",
  };
}
