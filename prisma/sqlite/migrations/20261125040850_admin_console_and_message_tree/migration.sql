-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "activeMessageId" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "compareRunId" TEXT;
ALTER TABLE "Message" ADD COLUMN "parentId" TEXT;

-- AlterTable
ALTER TABLE "Model" ADD COLUMN "inputPricePerMTok" REAL;
ALTER TABLE "Model" ADD COLUMN "outputPricePerMTok" REAL;

-- AlterTable
ALTER TABLE "AuditLogEntry" ADD COLUMN "userAgent" TEXT;

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'local',
    "role" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'local',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModelAccess" (
    "modelId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,

    PRIMARY KEY ("modelId", "groupId"),
    CONSTRAINT "ModelAccess_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ModelAccess_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Quota" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "groupId" TEXT,
    "requestsPerMinute" INTEGER,
    "tokensPerDay" INTEGER,
    "tokensPerMonth" INTEGER,
    "costPerMonthUsd" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Quota_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Quota_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Preset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "systemPrompt" TEXT,
    "prompt" TEXT,
    "modelId" TEXT,
    "temperature" REAL,
    "maxOutputTokens" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Preset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_UsageRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "modelId" TEXT,
    "conversationId" TEXT,
    "messageId" TEXT,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "usageIsEstimated" BOOLEAN NOT NULL DEFAULT false,
    "latencyMs" INTEGER,
    "costUsd" REAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UsageRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UsageRecord_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_UsageRecord" ("conversationId", "createdAt", "id", "inputTokens", "latencyMs", "messageId", "modelId", "outputTokens", "usageIsEstimated", "userId") SELECT "conversationId", "createdAt", "id", "inputTokens", "latencyMs", "messageId", "modelId", "outputTokens", "usageIsEstimated", "userId" FROM "UsageRecord";
DROP TABLE "UsageRecord";
ALTER TABLE "new_UsageRecord" RENAME TO "UsageRecord";
CREATE INDEX "UsageRecord_userId_createdAt_idx" ON "UsageRecord"("userId", "createdAt");
CREATE INDEX "UsageRecord_modelId_createdAt_idx" ON "UsageRecord"("modelId", "createdAt");
CREATE INDEX "UsageRecord_createdAt_idx" ON "UsageRecord"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Group_name_key" ON "Group"("name");

-- CreateIndex
CREATE INDEX "GroupMember_userId_idx" ON "GroupMember"("userId");

-- CreateIndex
CREATE INDEX "ModelAccess_groupId_idx" ON "ModelAccess"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Quota_userId_key" ON "Quota"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Quota_groupId_key" ON "Quota"("groupId");

-- CreateIndex
CREATE INDEX "RateCounter_expiresAt_idx" ON "RateCounter"("expiresAt");

-- CreateIndex
CREATE INDEX "Preset_userId_name_idx" ON "Preset"("userId", "name");

-- CreateIndex
CREATE INDEX "Message_parentId_idx" ON "Message"("parentId");


-- Backfill: the messages so far form one branch, each following the one before it; the latest is on show.
UPDATE "Message" SET "parentId" = (
    SELECT p."id" FROM "Message" p
    WHERE p."conversationId" = "Message"."conversationId"
      AND (p."createdAt" < "Message"."createdAt" OR (p."createdAt" = "Message"."createdAt" AND p."id" < "Message"."id"))
    ORDER BY p."createdAt" DESC, p."id" DESC
    LIMIT 1
);
UPDATE "Conversation" SET "activeMessageId" = (
    SELECT m."id" FROM "Message" m WHERE m."conversationId" = "Conversation"."id" ORDER BY m."createdAt" DESC, m."id" DESC LIMIT 1
);
