import { gzipSync } from "node:zlib";

// Invented values only: documentation account ids, example.com, TEST-NET addresses.
const ACCOUNT = "111122223333";

/** A CloudTrail record by an IAM user; CreateKeyPair and the like raise alerts, Describe* none. */
export function trailEvent(id: string, eventName: string, eventTime: string, userName = "alice") {
  return {
    eventVersion: "1.08",
    userIdentity: {
      type: "IAMUser",
      principalId: "AIDAEXAMPLEPRINCIPAL",
      arn: `arn:aws:iam::${ACCOUNT}:user/${userName}`,
      accountId: ACCOUNT,
      accessKeyId: "AKIAEXAMPLEUSERKEY01",
      userName,
    },
    eventTime,
    eventSource: "ec2.amazonaws.com",
    eventName,
    awsRegion: "us-east-1",
    sourceIPAddress: "203.0.113.10",
    userAgent: "aws-cli/2.15.0",
    requestParameters: { keyName: `key-${id}` },
    responseElements: null,
    requestID: `req-${id}`,
    eventID: `00000000-0000-4000-8000-${id.padStart(12, "0")}`,
    readOnly: false,
    eventType: "AwsApiCall",
    recipientAccountId: ACCOUNT,
  };
}

/** A delivery file as CloudTrail writes it: gzip of {"Records": [...]}. */
export function deliveryFile(records: unknown[]): Buffer {
  return gzipSync(Buffer.from(JSON.stringify({ Records: records })));
}

/** A digest file: checksums of log files, no events. */
export function digestFile(): Buffer {
  return gzipSync(
    Buffer.from(
      JSON.stringify({
        awsAccountId: ACCOUNT,
        digestStartTime: "2024-03-05T10:00:00Z",
        digestEndTime: "2024-03-05T11:00:00Z",
        digestS3Bucket: "trail-bucket",
        digestS3Object: "digest",
        logFiles: [],
      }),
    ),
  );
}

/** The key CloudTrail gives a log file of `day` (yyyy/mm/dd) in `folder` (…/<region>/). */
export function trailKey(folder: string, day: string, suffix: string): string {
  const compact = day.replaceAll("/", "");
  return `${folder}${day}/${ACCOUNT}_CloudTrail_us-east-1_${compact}T1005Z_${suffix}.json.gz`;
}
