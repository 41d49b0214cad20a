-- CreateTable
CREATE TABLE "ArenaBattle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "conversationId" TEXT,
    "prompt" TEXT NOT NULL,
    "modelAId" TEXT NOT NULL,
    "modelBId" TEXT NOT NULL,
    "vote" TEXT,
    "votedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArenaBattle_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArenaBattle_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ArenaBattle_conversationId_key" ON "ArenaBattle"("conversationId");

-- CreateIndex
CREATE INDEX "ArenaBattle_userId_createdAt_idx" ON "ArenaBattle"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ArenaBattle_votedAt_idx" ON "ArenaBattle"("votedAt");

