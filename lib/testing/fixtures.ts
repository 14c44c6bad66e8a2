import { createReadStream, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UploadedFile } from "../ingest/uploaded-file";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../../fixtures");
export const SAMPLES_DIR = path.join(FIXTURES_DIR, "samples");
export const CASES_DIR = path.join(FIXTURES_DIR, "cases");

export interface ExpectedCounts {
  records: number;
  stored: number;
  parityAlerts: number;
  hardenedAlerts: number;
}

export interface ExpectedSamples {
  allFilesTogether: Omit<ExpectedCounts, "records">;
  perFile: Record<string, ExpectedCounts>;
}

export function expectedSamples(): ExpectedSamples {
  return JSON.parse(readFileSync(path.join(SAMPLES_DIR, "EXPECTED.json"), "utf8"));
}

/** Every sample log file, relative to the samples folder, in name order. */
export function sampleFiles(): string[] {
  return readdirSync(SAMPLES_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(SAMPLES_DIR, path.join(entry.parentPath, entry.name)))
    .filter((file) => !/(^|\/)(MANIFEST\.md|EXPECTED\.json|cases-labels\.json)$/.test(file))
    .sort();
}

export function fixtureUpload(
  absolutePath: string,
  name = path.basename(absolutePath),
): UploadedFile {
  return { name, stream: createReadStream(absolutePath) };
}
