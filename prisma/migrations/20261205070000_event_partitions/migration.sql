-- event becomes partitioned by month of event_time (UTC): event_y2024m05 holds May 2024. Rows of
-- a month without its partition land in event_default; event_partition_for_month moves them out.
-- Partitions are made outside file transactions (lib/events/partitions.ts): creating one locks
-- the whole table, which an open file transaction would hold up.

ALTER TABLE "alert" DROP CONSTRAINT "alert_event_id_fkey";
ALTER TABLE "event" RENAME TO "event_old";
ALTER TABLE "event_old" RENAME CONSTRAINT "event_pkey" TO "event_old_pkey";
ALTER INDEX "event_event_time_idx" RENAME TO "event_old_event_time_idx";
ALTER INDEX "event_source_table_dedup_key_content_hash_key"
  RENAME TO "event_old_source_table_dedup_key_content_hash_key";
ALTER SEQUENCE "event_id_seq" OWNED BY NONE;

CREATE TABLE "event" (
    "id" BIGINT NOT NULL DEFAULT nextval('event_id_seq'),
    "source_table" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "operation" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "source_ip" INET,
    "source_host" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "user_agent" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "outcome_code" TEXT NOT NULL,
    "native_id" TEXT,
    "dedup_key" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "id_conflict" BOOLEAN NOT NULL DEFAULT false,
    "correlation_id" TEXT NOT NULL,
    "sentinel" JSONB NOT NULL,
    "flags" TEXT[],
    "raw" TEXT NOT NULL,
    "ingest_file_id" UUID,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id", "event_time")
) PARTITION BY RANGE ("event_time");
ALTER SEQUENCE "event_id_seq" OWNED BY "event"."id";

-- The same content always has the same event_time, so duplicates are judged as before.
CREATE UNIQUE INDEX "event_source_table_dedup_key_content_hash_event_time_key"
  ON "event"("source_table", "dedup_key", "content_hash", "event_time");
CREATE INDEX "event_event_time_idx" ON "event"("event_time" DESC);
CREATE TABLE "event_default" PARTITION OF "event" DEFAULT;

-- Makes the month's partition if it is missing, moving that month's rows out of event_default.
-- Those rows' alerts would block the move (a foreign key checks the partition a row leaves, not
-- the one it enters), so the key is dropped and checked again around it. Returns whether it made
-- the partition. Serialised by an advisory lock: two processes making one month both succeed.
CREATE FUNCTION "event_partition_for_month"(month_of timestamptz) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  first_day timestamp := date_trunc('month', month_of AT TIME ZONE 'UTC');
  next_day timestamp := date_trunc('month', month_of AT TIME ZONE 'UTC') + interval '1 month';
  part_name text := 'event_' || to_char(first_day, '"y"YYYY"m"MM');
  had_key boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(7305118212);
  IF to_regclass(part_name) IS NOT NULL THEN
    RETURN false;
  END IF;
  LOCK TABLE "event" IN ACCESS EXCLUSIVE MODE;
  -- A month with no rows waiting in the default partition is made directly: no key to drop.
  IF NOT EXISTS (SELECT 1 FROM "event_default"
      WHERE event_time >= first_day AT TIME ZONE 'UTC'
        AND event_time < next_day AT TIME ZONE 'UTC') THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF "event" FOR VALUES FROM (%L) TO (%L)',
      part_name, first_day AT TIME ZONE 'UTC', next_day AT TIME ZONE 'UTC');
    RETURN true;
  END IF;
  had_key := EXISTS (SELECT 1 FROM pg_constraint
    WHERE conname = 'alert_event_id_event_time_fkey' AND conrelid = 'alert'::regclass);
  IF had_key THEN
    ALTER TABLE "alert" DROP CONSTRAINT "alert_event_id_event_time_fkey";
  END IF;
  CREATE TEMP TABLE "event_moving" AS
    WITH moved AS (
      DELETE FROM "event_default"
      WHERE event_time >= first_day AT TIME ZONE 'UTC' AND event_time < next_day AT TIME ZONE 'UTC'
      RETURNING *)
    SELECT * FROM moved;
  EXECUTE format('CREATE TABLE %I PARTITION OF "event" FOR VALUES FROM (%L) TO (%L)',
    part_name, first_day AT TIME ZONE 'UTC', next_day AT TIME ZONE 'UTC');
  INSERT INTO "event" SELECT * FROM "event_moving";
  DROP TABLE "event_moving";
  IF had_key THEN
    ALTER TABLE "alert" ADD CONSTRAINT "alert_event_id_event_time_fkey"
      FOREIGN KEY ("event_id", "event_time") REFERENCES "event"("id", "event_time")
      ON DELETE RESTRICT ON UPDATE CASCADE;
  END IF;
  RETURN true;
END $$;

SELECT "event_partition_for_month"(m)
FROM (SELECT DISTINCT date_trunc('month', event_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS m
      FROM "event_old") months;

INSERT INTO "event" SELECT * FROM "event_old";

-- An alert's event_time is its event's (a grouped alert's latest event's), written together.
UPDATE "alert" a SET event_time = e.event_time
FROM "event" e WHERE e.id = a.event_id AND a.event_time IS DISTINCT FROM e.event_time;
ALTER TABLE "alert" ADD CONSTRAINT "alert_event_id_event_time_fkey"
  FOREIGN KEY ("event_id", "event_time") REFERENCES "event"("id", "event_time")
  ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "alert_event_id_idx";
CREATE INDEX "alert_event_id_event_time_idx" ON "alert"("event_id", "event_time");

DROP TABLE "event_old";
