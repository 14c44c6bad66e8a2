// The benchmark's corpus: deterministic CloudTrail delivery files (gzip), realistic event names,
// identity types, errors and large request bodies, with about one alert per ten events.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const REGIONS = ["eu-west-1", "us-east-1", "eu-central-1"];
export const CORPUS_START = Date.UTC(2024, 4, 1);
const CORPUS_DAYS = 7;
export const DAY_MS = 86_400_000;
// The parity report runs at this instant: its 24-hour window lies inside the corpus.
export const PARITY_AT = new Date(CORPUS_START + 4.5 * DAY_MS);

// Share of events with a watched name. Both rules alert on most of them (the Sentinel rule
// skips AssumedRole callers without an error, the hardened one same-account STS calls), so
// 8.2 % watched gives about one alert per ten events, the 100,000 alerts at 1 M.
const WATCHED_SHARE = 0.082;
const ERROR_SHARE = 0.04;
const LARGE_BODY_SHARE = 0.005;

/** [eventSource, eventName, readOnly] of everyday calls. */
const ROUTINE = [
  ["s3.amazonaws.com", "GetObject", true],
  ["s3.amazonaws.com", "PutObject", false],
  ["s3.amazonaws.com", "ListBuckets", true],
  ["s3.amazonaws.com", "GetBucketAcl", true],
  ["ec2.amazonaws.com", "DescribeInstances", true],
  ["ec2.amazonaws.com", "DescribeSecurityGroups", true],
  ["sts.amazonaws.com", "GetCallerIdentity", true],
  ["kms.amazonaws.com", "Decrypt", true],
  ["kms.amazonaws.com", "GenerateDataKey", true],
  ["iam.amazonaws.com", "ListRoles", true],
  ["iam.amazonaws.com", "GetRole", true],
  ["logs.amazonaws.com", "DescribeLogGroups", true],
  ["monitoring.amazonaws.com", "GetMetricData", true],
  ["cloudformation.amazonaws.com", "CreateStack", false],
  ["ssm.amazonaws.com", "GetParameter", true],
  ["lambda.amazonaws.com", "Invoke", false],
];

/** [eventSource, eventName] the rules watch. */
const WATCHED = [
  ["iam.amazonaws.com", "CreateUser"],
  ["sts.amazonaws.com", "AssumeRole"],
  ["ec2.amazonaws.com", "RunInstances"],
  ["cloudtrail.amazonaws.com", "StopLogging"],
  ["iam.amazonaws.com", "CreateAccessKey"],
  ["iam.amazonaws.com", "AttachUserPolicy"],
  ["s3.amazonaws.com", "PutBucketPolicy"],
  ["iam.amazonaws.com", "CreateRole"],
  ["sts.amazonaws.com", "GetSessionToken"],
  ["lambda.amazonaws.com", "UpdateFunctionCode20150331v2"],
];

const ERRORS = [
  ["AccessDenied", "User is not authorized to perform this operation"],
  ["Client.UnauthorizedOperation", "You are not authorized to perform this operation."],
  ["ThrottlingException", "Rate exceeded"],
  ["NoSuchEntityException", "The role with name Deploy cannot be found."],
  ["ValidationException", "1 validation error detected"],
];

/** A seeded xorshift generator: the same corpus on every run and machine. */
function random(seed) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.int = (n) => Math.floor(next() * n);
  return next;
}

/** Caller types in the proportions a busy account shows: mostly roles, some users and services. */
function identity(rand, i) {
  const roll = rand();
  const user = `user-${rand.int(400)}`;
  if (roll < 0.6) {
    const role = `Role${rand.int(25)}`;
    return {
      type: "AssumedRole",
      principalId: `AROAEXAMPLE${rand.int(25)}:${user}`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${user}`,
      accountId: ACCOUNT,
      accessKeyId: `ASIAEXAMPLE${String(i).padStart(9, "0")}`,
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          principalId: `AROAEXAMPLE${rand.int(25)}`,
          arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
          accountId: ACCOUNT,
          userName: role,
        },
        attributes: { creationDate: "2024-05-01T00:00:00Z", mfaAuthenticated: "false" },
      },
    };
  }
  if (roll < 0.85) {
    const account = rand() < 0.2 ? OTHER_ACCOUNT : ACCOUNT;
    return {
      type: "IAMUser",
      principalId: `AIDAEXAMPLE${rand.int(400)}`,
      arn: `arn:aws:iam::${account}:user/${user}`,
      accountId: account,
      accessKeyId: `AKIAEXAMPLE${rand.int(400)}`,
      userName: user,
    };
  }
  if (roll < 0.95) return { type: "AWSService", invokedBy: rand.pick(SERVICES) };
  return {
    type: "Root",
    principalId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:root`,
    accountId: ACCOUNT,
    accessKeyId: `ASIAROOT${rand.int(10)}`,
  };
}

const SERVICES = ["ec2.amazonaws.com", "lambda.amazonaws.com", "cloudformation.amazonaws.com"];

/** A policy or template body of 16 to 64 KB, as CreateStack or PutBucketPolicy carry. */
function largeBody(rand) {
  const statements = [];
  const target = 16_384 + rand.int(49_152);
  let size = 0;
  while (size < target) {
    const statement = {
      Sid: `Stmt${statements.length}`,
      Effect: rand() < 0.9 ? "Allow" : "Deny",
      Action: [`s3:GetObject`, `s3:PutObject`, `kms:Decrypt`].slice(0, 1 + rand.int(3)),
      Resource: `arn:aws:s3:::bucket-${rand.int(1000)}/prefix-${rand.int(100_000)}/*`,
      Condition: { StringEquals: { "aws:PrincipalOrgID": `o-${rand.int(1e9).toString(36)}` } },
    };
    size += JSON.stringify(statement).length;
    statements.push(statement);
  }
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

function cloudTrailEvent(rand, i, total) {
  const watched = rand() < WATCHED_SHARE;
  const [source, name, readOnly] = watched ? [...rand.pick(WATCHED), false] : rand.pick(ROUTINE);
  const caller = identity(rand, i);
  const time = CORPUS_START + Math.floor((i * CORPUS_DAYS * DAY_MS) / total) + rand.int(5000);
  const event = {
    eventVersion: "1.09",
    userIdentity: caller,
    eventTime: new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: source,
    eventName: name,
    awsRegion: rand.pick(REGIONS),
    sourceIPAddress:
      caller.type === "AWSService" ? caller.invokedBy : `198.51.${rand.int(256)}.${rand.int(256)}`,
    userAgent:
      caller.type === "AWSService"
        ? caller.invokedBy
        : rand.pick([
            "aws-cli/2.15.0 Python/3.11.6 Linux/6.1",
            "Boto3/1.34.0 Python/3.12",
            "console.amazonaws.com",
          ]),
    requestParameters: { bucketName: `bucket-${rand.int(50)}`, key: `data/${i}.json` },
    responseElements: null,
    requestID: `REQ${String(i).padStart(13, "0")}`,
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    readOnly,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: "Management",
    tlsDetails: { tlsVersion: "TLSv1.3", cipherSuite: "TLS_AES_128_GCM_SHA256" },
  };
  if (rand() < ERROR_SHARE) {
    const [code, message] = rand.pick(ERRORS);
    event.errorCode = code;
    event.errorMessage = message;
  }
  if (rand() < LARGE_BODY_SHARE) event.requestParameters.policy = largeBody(rand);
  return { event, watched };
}

/** `--files` gzip delivery files of consecutive events, named as CloudTrail names them. */
export async function generateCorpus(folder, total, fileCount) {
  await mkdir(folder, { recursive: true, mode: 0o755 });
  const rand = random(0x7419_e1);
  const perFile = Math.ceil(total / fileCount);
  let jsonBytes = 0;
  let gzipBytes = 0;
  let watched = 0;
  for (let file = 0, first = 0; first < total; file++, first += perFile) {
    const records = [];
    for (let i = first; i < Math.min(first + perFile, total); i++) {
      const generated = cloudTrailEvent(rand, i, total);
      watched += generated.watched ? 1 : 0;
      records.push(JSON.stringify(generated.event));
    }
    const text = `{"Records":[${records.join(",")}]}`;
    const gzipped = gzipSync(text);
    const stamp = new Date(CORPUS_START + Math.floor((first * CORPUS_DAYS * DAY_MS) / total))
      .toISOString()
      .replace(/[-:]/g, "")
      .slice(0, 13);
    const serial = String(file).padStart(4, "0");
    const name = `${ACCOUNT}_CloudTrail_eu-west-1_${stamp}Z_${serial}.json.gz`;
    await writeFile(path.join(folder, name), gzipped);
    jsonBytes += Buffer.byteLength(text);
    gzipBytes += gzipped.length;
  }
  return { jsonBytes, gzipBytes, watched };
}
