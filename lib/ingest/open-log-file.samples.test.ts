import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectedSamples, SAMPLES_DIR, sampleFiles } from "../testing/fixtures";
import { IngestError } from "./ingest-error";
import { openLogFile } from "./open-log-file";
import { drain, fileSource, rejection, storageKey } from "./test-support";

const expected = expectedSamples();
const files = sampleFiles();
const lakeResults = files.filter((f) => f.includes("query-lake-examples"));

describe("every sample file", () => {
  it("is listed in EXPECTED.json, and every listed file exists", () => {
    expect(files).toEqual(Object.keys(expected.perFile).sort());
  });

  it.each(files.filter((f) => !lakeResults.includes(f)))("%s yields its records", async (file) => {
    const want = expected.perFile[file];
    const { events, rejected } = await drain(
      await openLogFile(fileSource(path.join(SAMPLES_DIR, file))),
    );

    expect(rejected).toEqual([]);
    expect(events).toHaveLength(want?.records ?? -1);
    expect(new Set(events.map(storageKey)).size).toBe(want?.stored ?? -1);
  });

  it.each(lakeResults)("%s (CloudTrail Lake results) is refused as a whole", async (file) => {
    expect(expected.perFile[file]?.records).toBe(0);
    const error = await rejection(() => openLogFile(fileSource(path.join(SAMPLES_DIR, file))));
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("unsupported_shape");
    expect((error as IngestError).message).toMatch(/QueryResultRows/);
  });

  it("digest files are recognised by content, skipped with a notice", async () => {
    const digests = files.filter((f) => f.includes("digest-file-structure"));
    expect(digests).toHaveLength(2);
    for (const file of digests) {
      const logFile = await openLogFile(fileSource(path.join(SAMPLES_DIR, file)));
      expect(logFile.shape).toBe("cloudtrail-digest");
      expect(logFile.notice).toMatch(/digest/i);
      expect((await drain(logFile)).events).toHaveLength(0);
    }
  });

  it("all files together store allFilesTogether.stored events", async () => {
    const keys = new Set<string>();
    for (const file of files.filter((f) => !lakeResults.includes(f))) {
      const { events } = await drain(await openLogFile(fileSource(path.join(SAMPLES_DIR, file))));
      for (const event of events) keys.add(storageKey(event));
    }
    expect(keys.size).toBe(expected.allFilesTogether.stored);
  });
});

describe("shapes of the samples", () => {
  const shapes: [string, string][] = [
    [
      "trailscraper/111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz",
      "cloudtrail-delivery",
    ],
    ["stratus-red-team/aws.defense-evasion.cloudtrail-delete.json", "cloudtrail-array"],
    [
      "aws-cloudtrail-docs/cloudtrail-event-reference-aws-console-sign-in-events.md__block01.json",
      "cloudtrail-event",
    ],
    ["panther-analysis/cases-AWSCloudTrail.jsonl", "cloudtrail-jsonl"],
    ["plaso/aws_cloudtrail.jsonl", "cloudtrail-event-history"],
    ["aws-cloudtrail-docs/view-insights-events-cli.md__block02.json", "cloudtrail-insights"],
    [
      "azure-monitor-docs/activity-log-schema.md__storage-eventhub-records-example.json",
      "azure-activity-diagnostic",
    ],
    ["panther-analysis/cases-AzureActivity.jsonl", "azure-activity-jsonl"],
    [
      "azure-monitor-docs/activity-log-schema.md__administrative-sample-event-REST.json",
      "azure-activity-rest",
    ],
    ["plaso/azure_activity_log.jsonl", "azure-activity-sdk"],
    ["datadog-integrations/AuditLogs-samples.jsonl", "entra-diagnostic"],
    ["msgraph-docs/directoryaudit-list.md__example2-response.json", "entra-graph"],
  ];

  it.each(shapes)("%s is a %s", async (file, shape) => {
    const logFile = await openLogFile(fileSource(path.join(SAMPLES_DIR, file)));
    expect(logFile.shape).toBe(shape);
    expect(logFile.shapeLabel.length).toBeGreaterThan(0);
  });

  it("labels a gzip file as such", async () => {
    const file = shapes[0]?.[0] ?? "";
    const logFile = await openLogFile(fileSource(path.join(SAMPLES_DIR, file)));
    expect(logFile.shapeLabel).toBe("CloudTrail S3 delivery file (gzip)");
  });
});
