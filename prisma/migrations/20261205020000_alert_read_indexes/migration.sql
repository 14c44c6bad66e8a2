-- Indexes of the alerts table, chosen by EXPLAIN (ANALYZE, BUFFERS) at 100,000 alerts
-- (docs/query-plans.md). Every sortable or exact-filter column leads an index that ends in the
-- table's tie-breakers (event time, id), so keyset pages seek instead of skipping; each carries
-- suppressed_by_id so the "active" view (suppressed_by_id IS NULL) counts from the index alone.

-- Trigram matching for the "contains" filters and the free-text search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "alert_event_time_id_idx";
DROP INDEX "alert_source_table_event_time_idx";
DROP INDEX "alert_operation_event_time_idx";
DROP INDEX "alert_actor_event_time_idx";
DROP INDEX "alert_status_event_time_idx";
DROP INDEX "alert_severity_rank_event_time_idx";

-- CreateIndex
CREATE INDEX "alert_event_time_id_idx" ON "alert"("event_time" DESC, "id" DESC)
  INCLUDE ("suppressed_by_id");
CREATE INDEX "alert_source_table_event_time_id_idx"
  ON "alert"("source_table", "event_time" DESC, "id" DESC) INCLUDE ("suppressed_by_id");
CREATE INDEX "alert_operation_event_time_id_idx"
  ON "alert"("operation", "event_time" DESC, "id" DESC) INCLUDE ("suppressed_by_id");
CREATE INDEX "alert_actor_event_time_id_idx"
  ON "alert"("actor", "event_time" DESC, "id" DESC) INCLUDE ("suppressed_by_id");
CREATE INDEX "alert_account_event_time_id_idx"
  ON "alert"("account", "event_time" DESC, "id" DESC) INCLUDE ("suppressed_by_id");
CREATE INDEX "alert_status_event_time_id_idx"
  ON "alert"("status", "event_time" DESC, "id" DESC) INCLUDE ("suppressed_by_id");
CREATE INDEX "alert_severity_rank_event_time_id_idx"
  ON "alert"("severity_rank", "event_time" DESC, "id" DESC) INCLUDE ("suppressed_by_id");

-- The searchable columns in lower case, joined by a separator no filter text holds: the
-- contains filters and the free-text search test it with LIKE, which costs half of ILIKE on
-- the columns themselves (lib/alerts/filter-sql.ts).
ALTER TABLE "alert" ADD COLUMN "search_text" TEXT GENERATED ALWAYS AS (
  lower("operation" || E'\x1f' || "actor" || E'\x1f' || "account" || E'\x1f' || "explanation")
) STORED;
CREATE INDEX "alert_search_text_trgm_idx" ON "alert" USING GIN ("search_text" gin_trgm_ops);
