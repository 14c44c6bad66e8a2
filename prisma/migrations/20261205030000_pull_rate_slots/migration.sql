-- CreateTable
CREATE TABLE "pull_rate_slot" (
    "key" TEXT NOT NULL,
    "next_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pull_rate_slot_pkey" PRIMARY KEY ("key")
);
