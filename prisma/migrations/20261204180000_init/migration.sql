-- CreateTable
CREATE TABLE "ingest_job" (
    "id" UUID NOT NULL,
    "origin" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "ingest_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_file" (
    "id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shape" TEXT,
    "status" TEXT NOT NULL,
    "notice" TEXT,
    "records" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "id_conflicts" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "alerts" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "bytes_read" BIGINT NOT NULL DEFAULT 0,
    "duration_ms" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" BIGSERIAL NOT NULL,
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

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" BIGSERIAL NOT NULL,
    "rule" TEXT NOT NULL,
    "rule_version" INTEGER NOT NULL,
    "group_key" TEXT NOT NULL,
    "event_id" BIGINT NOT NULL,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "source_table" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "source_ip" INET,
    "account" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "severity_rank" SMALLINT NOT NULL,
    "confidence" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "false_positive_notes" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "suppressed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allowlist_entry" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "actor_pattern" TEXT NOT NULL,
    "actor_regex" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "allowlist_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ingest_job_created_at_idx" ON "ingest_job"("created_at" DESC);

-- CreateIndex
CREATE INDEX "ingest_file_job_id_idx" ON "ingest_file"("job_id");

-- CreateIndex
CREATE INDEX "event_event_time_idx" ON "event"("event_time" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "event_source_table_dedup_key_content_hash_key" ON "event"("source_table", "dedup_key", "content_hash");

-- CreateIndex
CREATE INDEX "alert_event_time_id_idx" ON "alert"("event_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "alert_source_table_event_time_idx" ON "alert"("source_table", "event_time" DESC);

-- CreateIndex
CREATE INDEX "alert_operation_event_time_idx" ON "alert"("operation", "event_time" DESC);

-- CreateIndex
CREATE INDEX "alert_actor_event_time_idx" ON "alert"("actor", "event_time" DESC);

-- CreateIndex
CREATE INDEX "alert_status_event_time_idx" ON "alert"("status", "event_time" DESC);

-- CreateIndex
CREATE INDEX "alert_severity_rank_event_time_idx" ON "alert"("severity_rank", "event_time" DESC);

-- CreateIndex
CREATE INDEX "alert_suppressed_by_id_idx" ON "alert"("suppressed_by_id");

-- CreateIndex
CREATE INDEX "alert_event_id_idx" ON "alert"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_rule_group_key_key" ON "alert"("rule", "group_key");

-- AddForeignKey
ALTER TABLE "ingest_file" ADD CONSTRAINT "ingest_file_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "ingest_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_suppressed_by_id_fkey" FOREIGN KEY ("suppressed_by_id") REFERENCES "allowlist_entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
