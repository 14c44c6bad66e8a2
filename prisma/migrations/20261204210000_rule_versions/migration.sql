-- AlterTable
ALTER TABLE "alert" ADD COLUMN "resolution" TEXT;

-- CreateTable
CREATE TABLE "rule_state" (
    "rule" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rule_state_pkey" PRIMARY KEY ("rule")
);

-- CreateIndex
CREATE INDEX "alert_rule_event_time_idx" ON "alert"("rule", "event_time" DESC);
