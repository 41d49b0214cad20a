-- AlterTable
ALTER TABLE "UsageRecord" ADD COLUMN     "evalRunId" TEXT;

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "evaluator" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "EvalSet" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "grader" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "tags" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvalSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvalItem" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "ideal" JSONB NOT NULL,
    "tags" JSONB NOT NULL,
    "grader" TEXT,

    CONSTRAINT "EvalItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvalRun" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "models" JSONB NOT NULL,
    "sampleSize" INTEGER,
    "temperature" DOUBLE PRECISION,
    "maxOutputTokens" INTEGER,
    "concurrency" INTEGER NOT NULL DEFAULT 2,
    "costCapUsd" DOUBLE PRECISION,
    "judgeModelId" TEXT,
    "rubric" TEXT,
    "tolerance" DOUBLE PRECISION,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "stopReason" TEXT,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "EvalRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvalResult" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "answer" TEXT,
    "correct" BOOLEAN,
    "reason" TEXT,
    "error" TEXT,
    "ttftMs" INTEGER,
    "totalMs" INTEGER,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvalResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvalSet_createdAt_idx" ON "EvalSet"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvalItem_setId_position_key" ON "EvalItem"("setId", "position");

-- CreateIndex
CREATE INDEX "EvalRun_status_idx" ON "EvalRun"("status");

-- CreateIndex
CREATE INDEX "EvalRun_createdAt_idx" ON "EvalRun"("createdAt");

-- CreateIndex
CREATE INDEX "EvalResult_runId_status_idx" ON "EvalResult"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EvalResult_runId_modelId_itemId_key" ON "EvalResult"("runId", "modelId", "itemId");

-- AddForeignKey
ALTER TABLE "EvalItem" ADD CONSTRAINT "EvalItem_setId_fkey" FOREIGN KEY ("setId") REFERENCES "EvalSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalRun" ADD CONSTRAINT "EvalRun_setId_fkey" FOREIGN KEY ("setId") REFERENCES "EvalSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalResult" ADD CONSTRAINT "EvalResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvalRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvalResult" ADD CONSTRAINT "EvalResult_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "EvalItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

