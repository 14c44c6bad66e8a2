import { Readable } from "node:stream";
import {
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandInput,
  type S3Client,
} from "@aws-sdk/client-s3";
import { z } from "zod";
import { awsCall } from "../aws-call";
import { awsCredentials, s3Client } from "../aws-clients";
import { readFrom } from "../checkpoint";
import { processedObjects, pruneObjects, recordObject } from "../object-store";
import type { PullContext } from "../pull-context";
import { PullError } from "../pull-error";
import { checkAnswer } from "../sdk-answer";
import type { S3TrailSettings } from "../settings";
import {
  deliveryDay,
  folderKind,
  isDigestKey,
  lastSegment,
  listFrom,
  logsRoot,
  utcDay,
} from "./s3-trail-layout";

// Name and IsTruncated are in every real ListBucketResult: an answer without them (an empty 200
// from a proxy or a broken endpoint) is not "nothing new" and must not move the checkpoint.
const ListAnswer = z
  .object({
    Name: z.string(),
    Contents: z.array(z.object({ Key: z.string(), ETag: z.string().default("") })).default([]),
    CommonPrefixes: z.array(z.object({ Prefix: z.string() })).default([]),
    IsTruncated: z.boolean(),
    NextContinuationToken: z.string().min(1).optional(),
  })
  .refine((page) => !page.IsTruncated || page.NextContinuationToken !== undefined, {
    message: "a truncated listing without a continuation token",
    path: ["NextContinuationToken"],
  });
type ListAnswer = z.infer<typeof ListAnswer>;

type Context = PullContext<S3TrailSettings>;

/**
 * CloudTrail log files from a trail's bucket, single-account or organization layout. Every key
 * of the look-back window is listed again and compared with the objects already read
 * (pull_object), so an object delivered late, whatever its key, is read exactly once. Each object
 * is recorded as read right after its events are stored: a run stopped part-way goes on from the
 * first object it had not finished.
 */
export async function pullS3Trail(context: Context): Promise<void> {
  const { settings, tuning, signal } = context;
  const credentials = awsCredentials(settings, context.secrets, tuning, signal);
  const s3 = s3Client(settings, credentials, tuning);
  const fromDay = utcDay(readFrom(settings, context.checkpoint));

  try {
    const folders = await regionFolders(s3, context);
    context.log.info({ regions: folders.length, fromDay }, "trail folders found");
    for (const folder of folders) await pullRegion(s3, context, folder, fromDay);
  } finally {
    s3.destroy();
  }
  await pruneObjects(context.sourceId, fromDay);
  await context.saveCheckpoint(context.startedAt);
}

async function* listPages(
  s3: S3Client,
  context: Context,
  input: Omit<ListObjectsV2CommandInput, "Bucket" | "ContinuationToken">,
): AsyncGenerator<ListAnswer> {
  const bucket = context.settings.bucket;
  let token: string | undefined;
  do {
    const continuation = token;
    const what = `Listing s3://${bucket}/${input.Prefix ?? ""}`;
    const output = await awsCall(what, context.tuning, context.signal, () =>
      s3.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          ...input,
          ...(continuation ? { ContinuationToken: continuation } : {}),
        }),
        { abortSignal: context.signal },
      ),
    );
    const page = checkAnswer(ListAnswer, output, what);
    yield page;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

async function subfolders(s3: S3Client, context: Context, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const page of listPages(s3, context, { Prefix: prefix, Delimiter: "/" })) {
    found.push(...page.CommonPrefixes.map((p) => p.Prefix));
  }
  return found;
}

/** Every <account>/CloudTrail/<region>/ folder under AWSLogs/, organization trails included. */
async function regionFolders(s3: S3Client, context: Context): Promise<string[]> {
  const root = logsRoot(context.settings.prefix);
  const accounts: string[] = [];
  for (const folder of await subfolders(s3, context, root)) {
    const kind = folderKind(lastSegment(folder));
    if (kind === "account") accounts.push(folder);
    if (kind === "organization") {
      const members = await subfolders(s3, context, folder);
      accounts.push(...members.filter((m) => folderKind(lastSegment(m)) === "account"));
    }
  }
  const regions: string[] = [];
  for (const account of accounts) {
    regions.push(...(await subfolders(s3, context, `${account}CloudTrail/`)));
  }
  if (regions.length === 0) {
    context.log.warn({ root }, "no CloudTrail folders under the trail prefix");
  }
  return regions.sort();
}

async function pullRegion(
  s3: S3Client,
  context: Context,
  folder: string,
  fromDay: Date,
): Promise<void> {
  const listing = listPages(s3, context, { Prefix: folder, StartAfter: listFrom(folder, fromDay) });
  for await (const page of listing) {
    const candidates = page.Contents.flatMap((object) => {
      const day = deliveryDay(folder, object.Key);
      return day && !isDigestKey(object.Key) ? [{ ...object, day }] : [];
    });
    const read = await processedObjects(
      context.sourceId,
      candidates.map((c) => c.Key),
    );
    for (const object of candidates) {
      if (read.get(object.Key) === object.ETag) continue;
      await pullObject(s3, context, object);
    }
  }
}

async function pullObject(
  s3: S3Client,
  context: Context,
  object: { Key: string; ETag: string; day: Date },
): Promise<void> {
  const { bucket } = context.settings;
  const what = `Reading s3://${bucket}/${object.Key}`;
  const output = await awsCall(what, context.tuning, context.signal, () =>
    s3.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key }), {
      abortSignal: context.signal,
    }),
  );
  if (!(output.Body instanceof Readable)) {
    throw new PullError("invalid_response", `${what} returned no content.`);
  }
  const transfer: { error: unknown } = { error: null };
  const result = await context.ingest.ingestStream(
    `s3://${bucket}/${object.Key}`,
    watched(output.Body, transfer),
  );
  // A download that broke off or a file the database failed to store is not the object's fault:
  // it is not recorded, and the run stops before its checkpoint moves, so the next run reads it
  // again. An object whose content cannot be read is recorded and not retried.
  if (transfer.error !== null) {
    throw new PullError(
      "network",
      `${what} broke off part-way; nothing from it was kept and the next run reads it again.`,
      { cause: transfer.error },
    );
  }
  if (result.serverFault) {
    throw new PullError(
      "internal",
      `Storing s3://${bucket}/${object.Key} failed on the server; nothing from it was kept and ` +
        "the next run reads it again. The details are in the server log.",
    );
  }
  await recordObject(context.sourceId, {
    key: object.Key,
    etag: object.ETag,
    day: object.day,
    status: result.status,
  });
}

/** Passes the download through, noting whether the transfer itself failed. */
async function* watched(body: Readable, transfer: { error: unknown }): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body) yield chunk as Uint8Array;
  } catch (error) {
    transfer.error = error;
    throw error;
  }
}
