import { describe, expect, it } from "vitest";
import { type EventToStore, eventCopyFields } from "./copy-fields";
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

describe("eventCopyFields", () => {
  it("writes the columns in COPY order, tab-separated, without the line end", () => {
    const fields = eventCopyFields(item({ sentinel: { EventName: "GetObject" } }, '{"a":1}'));
    expect(fields).toBe(
      [
        "AWSCloudTrail",
        "api_call",
        "2024-05-01T12:30:05.007Z",
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
        '{"EventName":"GetObject"}',
        "{}",
        '{"a":1}',
      ].join("\t"),
    );
  });

  it("escapes every field, writes nulls as \\N and keys a missing id by the content hash", () => {
    const event = {
      operation: "Get\tX",
      actor: "arn:a\\b",
      sourceIp: null,
      userAgent: "ua\r\nv",
      nativeId: null,
      sentinel: { EventName: "Get\tX", ErrorMessage: 'a "b"\n', RequestParameters: "" },
      flags: ["nul_replaced" as const, "time_fallback" as const],
    };
    const fields = eventCopyFields(item(event, '{"eventName":"Get\\tX"}\n'));
    expect(fields.split("\t")).toEqual([
      "AWSCloudTrail",
      "api_call",
      "2024-05-01T12:30:05.007Z",
      String.raw`Get\tX`,
      String.raw`arn:a\\b`,
      "IAMUser",
      String.raw`\N`,
      "",
      "111122223333",
      "eu-west-1",
      String.raw`ua\r\nv`,
      "success",
      "",
      String.raw`\N`,
      "sha256:ab12",
      "ab12",
      "",
      String.raw`{"EventName":"Get\\tX","ErrorMessage":"a \\"b\\"\\n","RequestParameters":""}`,
      '{"nul_replaced","time_fallback"}',
      String.raw`{"eventName":"Get\\tX"}\n`,
    ]);
  });
});
