import type { SentinelRow } from "../../../events/types";
import { cell } from "../../cell";
import { foldCase } from "../../kusto/has";
import type { Judgement } from "./judgement";
import { onList } from "./judgement";
import { AZURE_OPERATIONS, byFoldedCase } from "./lists";

const AZURE_BY_NAME = byFoldedCase(AZURE_OPERATIONS);

/** The Azure Activity part of the hardened rule (spec/detection.md section 6, "Azure Activity"). */
export function judgeAzureActivity(row: SentinelRow): Judgement {
  const operation = cell(row, "OperationNameValue");
  const entry = AZURE_BY_NAME.get(foldCase(operation));
  if (entry === undefined) {
    return { miss: `OperationNameValue \`${operation}\` is not on the Azure list` };
  }

  const explanation = onList("OperationNameValue", operation, entry, "Azure");
  return { hit: { entry, explanation, groupKey: operationKey(row, operation) } };
}

/**
 * A write logs a Started and a Succeeded (or Failed) record under one correlation id; both make
 * one alert. Without a correlation id the records cannot be tied, so each stays its own alert
 * rather than merging every such operation into one.
 */
export function operationKey(row: SentinelRow, operation: string): string {
  const correlationId = cell(row, "CorrelationId");
  if (correlationId === "") return "";
  return `azure-op:${correlationId}|${operation.toLowerCase()}`;
}
