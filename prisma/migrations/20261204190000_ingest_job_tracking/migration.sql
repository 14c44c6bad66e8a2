-- AlterTable
ALTER TABLE "ingest_job" ADD COLUMN "created_by" TEXT,
ADD COLUMN "date_order" TEXT,
ADD COLUMN "owner_host" TEXT,
ADD COLUMN "owner_pid" INTEGER,
ADD COLUMN "heartbeat_at" TIMESTAMPTZ(3),
ADD COLUMN "duration_ms" INTEGER,
ADD COLUMN "error" TEXT;

-- AlterTable
ALTER TABLE "ingest_file" ADD COLUMN "size_bytes" BIGINT,
ADD COLUMN "progress_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "ingest_job_status_idx" ON "ingest_job"("status");
