-- AlterEnum
ALTER TYPE "MessageStatus" ADD VALUE 'stopped' AFTER 'streaming';

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "titleIsSet" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "finishReason" TEXT,
ADD COLUMN     "metadata" JSONB;

