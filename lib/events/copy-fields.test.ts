import { describe, expect, it } from "vitest";
import { BinaryCopyBuffer } from "../db/copy-binary";
import { type EventToStore, eventCopyFields, writeEventFields } from "./copy-fields";
import type { NormalizedEvent } from "./types";

function item(event: Partial<NormalizedEvent>, raw: string): EventToStore {
  const base: NormalizedEvent = {
    table: "AWSCloudTrail",
    kind: "api_call",
    eventTime: new Date(Date.UTC(2024, 4, 1, 12, 30, 5, 7)),
    operation: "GetObject",
    actor: "alice",
    actorType: "IAMUser",
    sourceIp: "192.0.2.1",
    sourceHost: "",
    account: "111122223333",
    region: "eu-west-1",
    userAgent: "aws-cli",
    outcome: "success",
    outcomeCode: "",
    nativeId: "e-1",
    correlationId: "",
    sentinel: {},
    flags: [],
  };
  return { event: { ...base, ...event }, raw, contentHash: "ab12" };
}

/** The fields of a binary COPY row, each as its bytes (null for a null field). */
function splitFields(bytes: Uint8Array): (Buffer | null)[] {
  const buffer = Buffer.from(bytes);
  const fields: (Buffer | null)[] = [];
  for (let at = 0; at < buffer.length; ) {
    const length = buffer.readInt32BE(at);
    at += 4;
    if (length < 0) fields.push(null);
    else {
      fields.push(buffer.subarray(at, at + length));
      at += length;
    }
  }
  return fields;
}

const TEXT_AT = [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 19];
const MICROS_2000 = BigInt(Date.UTC(2000, 0, 1)) * 1000n;

describe("eventCopyFields", () => {
  it("writes the columns in COPY order as binary fields", () => {
    const fields = splitFields(
      eventCopyFields(item({ sentinel: { EventName: "GetObject" } }, '{"a":1}')),
    );
    expect(fields).toHaveLength(20);
    const texts = TEXT_AT.map((at) => fields[at]?.toString("utf8"));
    expect(texts).toEqual([
      "AWSCloudTrail",
      "api_call",
      "GetObject",
      "alice",
      "IAMUser",
      "192.0.2.1",
      "",
      "111122223333",
      "eu-west-1",
      "aws-cli",
      "success",
      "",
      "e-1",
      "e-1",
      "ab12",
      "",
      '{"a":1}',
    ]);
    const micros = (fields[2] as Buffer).readBigInt64BE(0) + MICROS_2000;
    expect(micros).toBe(BigInt(Date.UTC(2024, 4, 1, 12, 30, 5, 7)) * 1000n);
    expect(fields[17]?.[0]).toBe(1);
    expect(fields[17]?.subarray(1).toString("utf8")).toBe('{"EventName":"GetObject"}');
    // An empty text[]: no dimensions, no nulls, element type text (oid 25).
    expect(fields[18]?.toString("hex")).toBe("000000000000000000000019");
  });

  it("keeps text exactly (tabs, line ends, backslashes), writes nulls and keys a missing id by the content hash", () => {
    const event = {
      operation: "Get\tX",
      actor: "arn:a\\b",
      sourceIp: null,
      userAgent: "ua\r\nv 🚨",
      nativeId: null,
      sentinel: { EventName: "Get\tX", ErrorMessage: 'a "b"\n' },
      flags: ["nul_replaced" as const, "time_fallback" as const],
    };
    const raw = '{"eventName":"Get\\tX"}\n';
    const fields = splitFields(eventCopyFields(item(event, raw)));
    expect(fields[3]?.toString("utf8")).toBe("Get\tX");
    expect(fields[4]?.toString("utf8")).toBe("arn:a\\b");
    expect(fields[6]).toBeNull();
    expect(fields[10]?.toString("utf8")).toBe("ua\r\nv 🚨");
    expect(fields[13]).toBeNull();
    expect(fields[14]?.toString("utf8")).toBe("sha256:ab12");
    expect(JSON.parse(fields[17]?.subarray(1).toString("utf8") ?? "")).toEqual(event.sentinel);
    expect(fields[19]?.toString("utf8")).toBe(raw);
    const flags = fields[18] as Buffer;
    expect(flags.readInt32BE(0)).toBe(1);
    expect(flags.readInt32BE(12)).toBe(2);
    expect(splitFields(flags.subarray(20)).map((f) => f?.toString("utf8"))).toEqual(event.flags);
  });

  it("gives the bytes a writer appends in place, in a buffer of their own", () => {
    const one = item({ actor: "bob" }, "{}");
    const inPlace = new BinaryCopyBuffer(8);
    writeEventFields(inPlace, one);
    const ahead = eventCopyFields(one);
    expect(Buffer.from(ahead).equals(Buffer.from(inPlace.fields()))).toBe(true);
    expect(ahead.byteOffset).toBe(0);
    expect(ahead.buffer.byteLength).toBe(ahead.length);
  });
});
