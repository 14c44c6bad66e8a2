-- AlterTable
ALTER TABLE "allowlist_entry" ADD COLUMN "sources" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "operations" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "accounts" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "ip_ranges" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "user_agent_pattern" TEXT,
ADD COLUMN "user_agent_regex" TEXT,
ADD COLUMN "created_by" TEXT NOT NULL DEFAULT 'system',
ADD COLUMN "last_matched_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "allowlist_change" (
    "id" BIGSERIAL NOT NULL,
    "entry_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "by" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "allowlist_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "allowlist_change_entry_id_at_idx" ON "allowlist_change"("entry_id", "at");

-- CreateIndex
CREATE INDEX "allowlist_change_at_idx" ON "allowlist_change"("at" DESC);
