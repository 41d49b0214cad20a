-- AlterTable
ALTER TABLE "Message" ADD COLUMN "finishReason" TEXT;
ALTER TABLE "Message" ADD COLUMN "metadata" JSONB;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "titleIsSet" BOOLEAN NOT NULL DEFAULT false;
