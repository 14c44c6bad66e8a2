import { z } from "zod";
import { DateOrder } from "../normalize/locale-date";

/** Query string of POST /api/ingest: the job id the page will follow, and the date order. */
export const UploadQuery = z.object({
  job: z.uuid().optional(),
  dateOrder: DateOrder.optional(),
});
export type UploadQuery = z.infer<typeof UploadQuery>;

export const JobId = z.uuid();

/** Query string of the ingest history page. */
export const HistoryQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
