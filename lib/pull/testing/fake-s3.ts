import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { FaultQueue } from "./faults";
import { type LoopbackServer, startLoopbackServer } from "./loopback";

interface StoredObject {
  body: Buffer;
  etag: string;
  lastModified: Date;
}

export interface S3Request {
  operation: "ListObjectsV2" | "GetObject";
  bucket: string;
  /** The object's key, or the listing's prefix. */
  key: string;
  /** The access key id the request was signed with (SigV4 itself is not checked). */
  accessKeyId: string | null;
}

export interface FakeS3 extends LoopbackServer {
  put: (key: string, body: Buffer) => void;
  requests: S3Request[];
  faults: FaultQueue<S3Request>;
  /** Requests this matches are never answered (a hung endpoint). */
  hold: ((request: S3Request) => boolean) | null;
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Just enough of S3 for a trail bucket, path-style: ListObjectsV2 (prefix, delimiter, start-after,
 * max-keys, continuation) and GetObject, with error answers queued in the mix.
 */
export async function startFakeS3(bucket: string, pageSize = 1000): Promise<FakeS3> {
  const objects = new Map<string, StoredObject>();
  const requests: S3Request[] = [];
  const faults = new FaultQueue<S3Request>();
  const fake = { hold: null as ((request: S3Request) => boolean) | null };

  const server = await startLoopbackServer((req, _body, res) => {
    const url = new URL(req.url ?? "/", "http://s3.local");
    const [, requestBucket = "", ...keyParts] = url.pathname.split("/");
    const key = decodeURIComponent(keyParts.join("/"));
    const operation = url.searchParams.get("list-type") === "2" ? "ListObjectsV2" : "GetObject";
    const request: S3Request = {
      operation,
      bucket: requestBucket,
      key: operation === "GetObject" ? key : (url.searchParams.get("prefix") ?? ""),
      accessKeyId: signingKey(req),
    };
    requests.push(request);
    if (fake.hold?.(request)) return;
    if (faults.serve(request, res)) return;
    if (requestBucket !== bucket) {
      res.writeHead(404, { "content-type": "application/xml" });
      res.end("<Error><Code>NoSuchBucket</Code><Message>no such bucket</Message></Error>");
      return;
    }
    if (operation === "ListObjectsV2") {
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(listObjects(objects, url.searchParams, pageSize));
      return;
    }
    const stored = objects.get(key);
    if (!stored) {
      res.writeHead(404, { "content-type": "application/xml" });
      res.end("<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>");
      return;
    }
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": String(stored.body.byteLength),
      etag: stored.etag,
      "last-modified": stored.lastModified.toUTCString(),
    });
    res.end(stored.body);
  });

  const parts: Omit<FakeS3, "hold"> = {
    ...server,
    requests,
    faults,
    put: (key, body) => {
      const etag = `"${createHash("md5").update(body).digest("hex")}"`;
      objects.set(key, { body, etag, lastModified: new Date() });
    },
  };
  return Object.assign(fake, parts);
}

function signingKey(req: IncomingMessage): string | null {
  const match = /Credential=([^/]+)\//.exec(req.headers.authorization ?? "");
  return match?.[1] ?? null;
}

function listObjects(
  objects: Map<string, StoredObject>,
  params: URLSearchParams,
  pageSize: number,
): string {
  const prefix = params.get("prefix") ?? "";
  const delimiter = params.get("delimiter");
  const after = params.get("continuation-token") ?? params.get("start-after") ?? "";
  const maxKeys = Math.min(Number(params.get("max-keys") ?? 1000), pageSize);
  const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();

  const contents: string[] = [];
  const folders = new Set<string>();
  let last = "";
  let truncated = false;
  for (const key of keys) {
    const rest = key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    const folder = delimiter && cut >= 0 ? prefix + rest.slice(0, cut + delimiter.length) : null;
    if (folder !== null && folders.has(folder)) {
      last = key;
      continue;
    }
    if (contents.length + folders.size >= maxKeys) {
      truncated = true;
      break;
    }
    last = key;
    if (folder !== null) {
      folders.add(folder);
      continue;
    }
    const stored = objects.get(key);
    if (!stored) continue;
    contents.push(
      `<Contents><Key>${xml(key)}</Key>` +
        `<LastModified>${stored.lastModified.toISOString()}</LastModified>` +
        `<ETag>${xml(stored.etag)}</ETag><Size>${stored.body.byteLength}</Size>` +
        "<StorageClass>STANDARD</StorageClass></Contents>",
    );
  }
  const commonPrefixes = [...folders].map(
    (f) => `<CommonPrefixes><Prefix>${xml(f)}</Prefix></CommonPrefixes>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    `<Name>bucket</Name><Prefix>${xml(prefix)}</Prefix>` +
    `<KeyCount>${contents.length + folders.size}</KeyCount>` +
    `<MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>` +
    contents.join("") +
    commonPrefixes.join("") +
    (truncated ? `<NextContinuationToken>${xml(last)}</NextContinuationToken>` : "") +
    "</ListBucketResult>"
  );
}
