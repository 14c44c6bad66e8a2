import { FaultQueue } from "./faults";
import { type LoopbackServer, sendJson, startLoopbackServer } from "./loopback";

export interface FakeCloudTrail extends LoopbackServer {
  /** CloudTrail records; LookupEvents serves them by eventTime, newest first. */
  records: { eventTime: string; eventName: string; eventID: string }[];
  faults: FaultQueue<string>;
  /** When each LookupEvents request arrived. */
  requestTimes: number[];
}

const TARGET = "CloudTrail_20131101.LookupEvents";

/** CloudTrail's LookupEvents (JSON 1.1 protocol) on loopback, two events per page. */
export async function startFakeCloudTrail(pageSize = 2): Promise<FakeCloudTrail> {
  const records: FakeCloudTrail["records"] = [];
  const faults = new FaultQueue<string>();
  const requestTimes: number[] = [];
  const server = await startLoopbackServer((req, body, res) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    requestTimes.push(Date.now());
    if (faults.serve(target, res)) return;
    if (!target.endsWith(TARGET)) {
      sendJson(res, 400, { __type: "UnknownOperationException" });
      return;
    }
    const input = JSON.parse(body.toString("utf8")) as {
      StartTime?: number;
      EndTime?: number;
      NextToken?: string;
    };
    const from = (input.StartTime ?? 0) * 1000;
    const to = (input.EndTime ?? Number.MAX_SAFE_INTEGER / 1000) * 1000;
    const matching = records
      .filter((r) => Date.parse(r.eventTime) >= from && Date.parse(r.eventTime) <= to)
      .sort((a, b) => Date.parse(b.eventTime) - Date.parse(a.eventTime));
    const skip = Number(input.NextToken ?? 0);
    const page = matching.slice(skip, skip + pageSize);
    sendJson(
      res,
      200,
      {
        Events: page.map((r) => ({
          EventId: r.eventID,
          EventName: r.eventName,
          ReadOnly: "false",
          EventTime: Date.parse(r.eventTime) / 1000,
          EventSource: "ec2.amazonaws.com",
          Username: "alice",
          Resources: [],
          CloudTrailEvent: JSON.stringify(r),
        })),
        ...(skip + pageSize < matching.length ? { NextToken: String(skip + pageSize) } : {}),
      },
      { "content-type": "application/x-amz-json-1.1" },
    );
  });
  return { ...server, records, faults, requestTimes };
}
