-- AlterTable
ALTER TABLE "UsageRecord" ADD COLUMN "evalRunId" TEXT;

-- CreateTable
CREATE TABLE "EvalSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "grader" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "tags" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EvalItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "ideal" JSONB NOT NULL,
    "tags" JSONB NOT NULL,
    "grader" TEXT,
    CONSTRAINT "EvalItem_setId_fkey" FOREIGN KEY ("setId") REFERENCES "EvalSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvalRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "models" JSONB NOT NULL,
    "sampleSize" INTEGER,
    "temperature" REAL,
    "maxOutputTokens" INTEGER,
    "concurrency" INTEGER NOT NULL DEFAULT 2,
    "costCapUsd" REAL,
    "judgeModelId" TEXT,
    "rubric" TEXT,
    "tolerance" REAL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "stopReason" TEXT,
    "costUsd" REAL NOT NULL DEFAULT 0,
    "heartbeatAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "EvalRun_setId_fkey" FOREIGN KEY ("setId") REFERENCES "EvalSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvalResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "costUsd" REAL NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EvalResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvalRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvalResult_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "EvalItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'local',
    "role" TEXT,
    "evaluator" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Group" ("createdAt", "id", "name", "role", "source", "updatedAt") SELECT "createdAt", "id", "name", "role", "source", "updatedAt" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
CREATE UNIQUE INDEX "Group_name_key" ON "Group"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

