import { describe, expect, it } from "vitest";
import { IngestError } from "../ingest-error";
import { openLogFile } from "../open-log-file";
import { chunked, drain, gzip, rejection } from "../test-support";
import { DATE_ORDER_ROWS } from "./open-csv";

const BOM = "\ufeff";

/** A CSV file as Log Analytics writes it: byte-order mark, CRLF line ends. */
function exportFile(lines: string[]): string {
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

function cells(values: string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(",");
}

const ACTIVITY_HEADER = cells([
  "TimeGenerated [UTC]",
  "OperationNameValue",
  "ActivityStatusValue",
  "Caller",
  "CallerIpAddress",
  "Claims",
  "Properties",
  "_ResourceId",
  "AccountCustomEntity",
]);

function activityRow(time: string, operation = "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE") {
  const claims = '{\n  "appid": "11111111-0000-4000-8000-000000000001",\n  "idtyp": "app"\n}';
  const properties = JSON.stringify({ eventDataId: `id-${time}`, message: 'say "hi"' }, null, 2);
  return cells([
    time,
    operation,
    "Success",
    "",
    "203.0.113.7",
    claims,
    properties,
    "/subscriptions/aaaaaaaa-1111-2222-3333-444444444444/resourcegroups/rg/providers/x/y",
    "computed@example.com",
  ]);
}

async function read(text: string | Uint8Array, options = {}) {
  const logFile = await openLogFile(chunked(text, 7), options);
  return { shape: logFile.shape, label: logFile.shapeLabel, ...(await drain(logFile)) };
}

async function failure(text: string, options = {}): Promise<IngestError> {
  const error = await rejection(async () => drain(await openLogFile(chunked(text), options)));
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe("Sentinel CSV exports", () => {
  it("reads BOM, CRLF, [UTC] headers, US dates and multi-line JSON cells", async () => {
    const text = exportFile([
      ACTIVITY_HEADER,
      activityRow("4/28/2021, 2:32:14.029 PM"),
      activityRow("4/28/2021, 12:05:00.000 AM"),
    ]);
    const { shape, label, events, rejected } = await read(text);
    expect(shape).toBe("sentinel-export-csv");
    expect(label).toBe("Microsoft Sentinel / Log Analytics table export (CSV)");
    expect(rejected).toEqual([]);
    expect(events.map((e) => e.event.eventTime.toISOString())).toEqual([
      "2021-04-28T14:32:14.029Z",
      "2021-04-28T00:05:00.000Z",
    ]);
    const first = events[0]?.event;
    expect(first?.actor).toBe("11111111-0000-4000-8000-000000000001");
    expect(first?.actorType).toBe("ServicePrincipal");
    expect(first?.nativeId).toBe("id-4/28/2021, 2:32:14.029 PM");
    expect(first?.account).toBe("aaaaaaaa-1111-2222-3333-444444444444");
    expect(first?.sentinel.OperationNameValue).toBe(
      "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE",
    );
    // The raw record keeps every cell as written, the computed column included.
    const raw = JSON.parse(events[0]?.raw ?? "{}");
    expect(raw["TimeGenerated [UTC]"]).toBe("4/28/2021, 2:32:14.029 PM");
    expect(raw.AccountCustomEntity).toBe("computed@example.com");
    expect(raw.Properties).toContain('"message": "say \\"hi\\""');
    const firstRowLines = activityRow("4/28/2021, 2:32:14.029 PM").split("\n").length;
    expect(events[1]?.position.line).toBe(2 + firstRowLines);
  });

  it("settles day-first dates from a later row and reads the earlier ones the same way", async () => {
    const text = exportFile([
      ACTIVITY_HEADER,
      activityRow("01/02/2025, 09:45:54.000"),
      activityRow("21/04/2025, 09:45:54.000"),
    ]);
    const { events } = await read(text);
    expect(events.map((e) => e.event.eventTime.toISOString())).toEqual([
      "2025-02-01T09:45:54.000Z",
      "2025-04-21T09:45:54.000Z",
    ]);
  });

  it("settles month-first dates the same way", async () => {
    const text = exportFile([
      ACTIVITY_HEADER,
      activityRow("01/02/2025, 09:45:54.000"),
      activityRow("04/21/2025, 09:45:54.000"),
    ]);
    const { events } = await read(text);
    expect(events[0]?.event.eventTime.toISOString()).toBe("2025-01-02T09:45:54.000Z");
  });

  it("never guesses: undecidable dates fail the file until the order is chosen", async () => {
    const text = exportFile([
      ACTIVITY_HEADER,
      activityRow("01/02/2025, 09:45:54.000"),
      activityRow("03/04/2025, 09:45:54.000"),
    ]);
    const error = await failure(text);
    expect(error.code).toBe("date_order");
    expect(error.message).toMatch(/day first or month first/);
    expect(error.message).toMatch(/--date-order/);

    const dmy = await read(text, { dateOrder: "dmy" });
    expect(dmy.events[1]?.event.eventTime.toISOString()).toBe("2025-04-03T09:45:54.000Z");
    const mdy = await read(text, { dateOrder: "mdy" });
    expect(mdy.events[1]?.event.eventTime.toISOString()).toBe("2025-03-04T09:45:54.000Z");
  });

  it("fails a file whose dates contradict the chosen order or each other", async () => {
    const chosen = exportFile([ACTIVITY_HEADER, activityRow("21/04/2025, 09:45:54.000")]);
    const error = await failure(chosen, { dateOrder: "mdy" });
    expect(error.code).toBe("date_order");
    expect(error.message).toMatch(/cannot be month first/);

    const mixed = exportFile([
      ACTIVITY_HEADER,
      activityRow("21/04/2025, 09:45:54.000"),
      activityRow("04/21/2025, 09:45:54.000"),
    ]);
    expect((await failure(mixed)).message).toMatch(/row 2, line/);
  });

  it(`holds at most ${DATE_ORDER_ROWS} rows to decide, then asks`, async () => {
    const ambiguous = Array.from({ length: DATE_ORDER_ROWS }, () =>
      activityRow("01/02/2025, 09:45:54.000"),
    );
    const text = exportFile([ACTIVITY_HEADER, ...ambiguous, activityRow("21/04/2025, 09:45:54")]);
    const error = await failure(text);
    expect(error.message).toMatch(`its first ${DATE_ORDER_ROWS} rows`);
  });

  it("maps each row of a union export to the table its $table cell names", async () => {
    const header = cells([
      "$table",
      "TimeGenerated [UTC]",
      "OperationName",
      "OperationNameValue",
      "EventName",
      "UserIdentityType",
      "UserIdentityArn",
      "InitiatedBy",
      "Result",
      "Type",
    ]);
    const initiatedBy =
      '{"user":{"userPrincipalName":"eve@example.com","ipAddress":"198.51.100.9"}}';
    const text = exportFile([
      header,
      cells([
        "AzureActivity",
        "2025-01-01T00:00:00Z",
        "",
        "MICROSOFT.X/Y/WRITE",
        "",
        "",
        "",
        "",
        "",
        "",
      ]),
      cells([
        "AWSCloudTrail",
        "2025-01-01T00:00:01Z",
        "",
        "",
        "CreateUser",
        "IAMUser",
        "arn:aws:iam::111122223333:user/bob",
        "",
        "",
        "",
      ]),
      cells([
        "AuditLogs",
        "2025-01-01T00:00:02Z",
        "Add member to group",
        "",
        "",
        "",
        "",
        initiatedBy,
        "failure",
        "",
      ]),
      cells(["SigninLogs", "2025-01-01T00:00:03Z", "Sign-in", "", "", "", "", "", "", ""]),
    ]);
    const { events, rejected } = await read(text);
    expect(events.map((e) => [e.event.table, e.event.operation])).toEqual([
      ["AzureActivity", "MICROSOFT.X/Y/WRITE"],
      ["AWSCloudTrail", "CreateUser"],
      ["AuditLogs", "Add member to group"],
    ]);
    expect(events[2]?.event).toMatchObject({ actor: "eve@example.com", outcome: "failure" });
    expect(events[2]?.event.sourceIp).toBe("198.51.100.9");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatch(/SigninLogs table/);
  });

  it("reads a day-first AWSCloudTrail export (the Type column names the table)", async () => {
    const header = cells([
      "TimeGenerated [UTC]",
      "EventName",
      "EventSource",
      "UserIdentityType",
      "UserIdentityUserName",
      "SourceIpAddress",
      "ErrorCode",
      "AwsEventId",
      "Type",
    ]);
    const row = (time: string, id: string) =>
      cells([
        time,
        "CreateAccessKey",
        "iam.amazonaws.com",
        "IAMUser",
        "bob",
        "ec2.amazonaws.com",
        "",
        id,
        "AWSCloudTrail",
      ]);
    const text = exportFile([
      header,
      row("21/04/2025, 09:45:54.000", "e1"),
      row("05/04/2025, 10:00:00.000", "e2"),
    ]);
    const { events } = await read(text);
    expect(events.map((e) => e.event.eventTime.toISOString())).toEqual([
      "2025-04-21T09:45:54.000Z",
      "2025-04-05T10:00:00.000Z",
    ]);
    expect(events[0]?.event).toMatchObject({ actor: "bob", sourceHost: "ec2.amazonaws.com" });
    expect(events[0]?.event.nativeId).toBe("e1");
  });

  it("rejects a row with the wrong number of cells alone, naming its line", async () => {
    const text = exportFile([
      ACTIVITY_HEADER,
      activityRow("2025-01-01T00:00:00Z"),
      "a,b,c",
      activityRow("2025-01-01T00:00:01Z"),
    ]);
    const { events, rejected } = await read(text);
    expect(events).toHaveLength(2);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatch(/3 cells but the header has 9 columns/);
    expect(rejected[0]?.position.index).toBe(2);
  });

  it("fails a file cut off inside a quoted cell", async () => {
    const whole = exportFile([ACTIVITY_HEADER, activityRow("2025-01-01T00:00:00Z")]);
    const cut = whole.slice(0, whole.indexOf("appid"));
    const error = await failure(cut);
    expect(error.code).toBe("invalid_csv");
    expect(error.message).toMatch(/ends inside a quoted cell/);
  });

  it("reads semicolon-separated exports and gzip-compressed ones", async () => {
    const text = [
      "TimeGenerated;OperationNameValue;Caller",
      "2025-01-01T00:00:00Z;MICROSOFT.A/B;x",
    ].join("\n");
    expect((await read(text)).events[0]?.event.actor).toBe("x");
    const zipped = await read(
      gzip(exportFile([ACTIVITY_HEADER, activityRow("2025-01-01T00:00:00Z")])),
    );
    expect(zipped.label).toMatch(/\(CSV\) \(gzip\)$/);
    expect(zipped.events).toHaveLength(1);
  });
});

describe("legacy AzureActivity exports", () => {
  it("keep rows that name the operation only in OperationName, IP from HTTPRequest", async () => {
    const header = cells([
      "TimeGenerated [UTC]",
      "OperationName",
      "ActivityStatus",
      "Caller",
      "HTTPRequest",
    ]);
    const http = '{"clientRequestId":"r1","clientIpAddress":"192.0.2.44","method":"PUT"}';
    const text = exportFile([
      header,
      cells([
        "4/28/2021, 2:32:14.029 PM",
        "Create role assignment",
        "Succeeded",
        "ann@example.com",
        http,
      ]),
    ]);
    const { events, rejected } = await read(text);
    expect(rejected).toEqual([]);
    expect(events[0]?.event).toMatchObject({
      table: "AzureActivity",
      operation: "Create role assignment",
      outcome: "success",
      sourceIp: "192.0.2.44",
    });
    expect(events[0]?.event.sentinel.CallerIpAddress).toBe("");
  });
});
