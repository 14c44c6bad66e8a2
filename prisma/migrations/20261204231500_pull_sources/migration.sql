-- CreateTable
CREATE TABLE "pull_source" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "interval_minutes" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "sealed_secrets" TEXT,
    "checkpoint" JSONB,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "run_requested_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pull_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pull_run" (
    "id" BIGSERIAL NOT NULL,
    "source_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "files" INTEGER NOT NULL DEFAULT 0,
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "stored" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "alerts" INTEGER NOT NULL DEFAULT 0,
    "error_kind" TEXT,
    "error" TEXT,
    "ingest_job_id" UUID,

    CONSTRAINT "pull_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pull_object" (
    "source_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pull_object_pkey" PRIMARY KEY ("source_id","key")
);

-- CreateIndex
CREATE INDEX "pull_source_next_run_at_idx" ON "pull_source"("next_run_at");

-- CreateIndex
CREATE INDEX "pull_run_source_id_started_at_idx" ON "pull_run"("source_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "pull_object_source_id_day_idx" ON "pull_object"("source_id", "day");

-- AddForeignKey
ALTER TABLE "pull_run" ADD CONSTRAINT "pull_run_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "pull_source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pull_object" ADD CONSTRAINT "pull_object_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "pull_source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
