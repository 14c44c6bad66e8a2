-- AlterTable
ALTER TABLE "alert" ADD COLUMN "classification" TEXT,
ADD COLUMN "closing_note" TEXT,
ADD COLUMN "assignee" TEXT,
ADD COLUMN "closed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "alert_change" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "by" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "old_value" TEXT,
    "new_value" TEXT,

    CONSTRAINT "alert_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_comment" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" BIGINT NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_change_alert_id_at_idx" ON "alert_change"("alert_id", "at");

-- CreateIndex
CREATE INDEX "alert_comment_alert_id_created_at_idx" ON "alert_comment"("alert_id", "created_at");

-- AddForeignKey
ALTER TABLE "alert_change" ADD CONSTRAINT "alert_change_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_comment" ADD CONSTRAINT "alert_comment_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
