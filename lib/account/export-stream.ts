import "server-only";
import { apiKeyView } from "@/lib/api-keys/view";
import { storedText } from "@/lib/chat/stored-message";
import { eachConversationWithMessages, eachUsageRecord, getAccountProfile, listPresetsOfUser } from "@/lib/db/account-data";
import { listApiKeys } from "@/lib/db/api-keys";
import { errorFields, log } from "@/lib/server/log";

// "Download all my data": one JSON document, written piece by piece while the response is sent, so an account with
// thousands of conversations is never built in memory whole. Never a password hash, a session or another user's data.

type ConversationWithMessages = Extract<Awaited<ReturnType<ReturnType<typeof eachConversationWithMessages>["next"]>>["value"], { id: string }>;

function conversationJson(conversation: ConversationWithMessages) {
  return {
    id: conversation.id,
    title: conversation.title,
    model: conversation.modelId,
    pinned: conversation.pinned,
    settings: conversation.settings,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
    messages: conversation.messages
      .filter((message) => message.role !== "system")
      .map((message) => ({
        id: message.id,
        parentId: message.parentId,
        role: message.role,
        text: storedText(message.parts),
        model: message.modelId,
        status: message.status,
        error: message.error,
        finishReason: message.finishReason,
        usage:
          message.inputTokens !== null && message.outputTokens !== null
            ? { inputTokens: message.inputTokens, outputTokens: message.outputTokens, estimated: message.usageIsEstimated }
            : null,
        feedback: message.feedback,
        createdAt: message.createdAt.toISOString(),
      })),
  };
}

async function* accountJsonChunks(userId: string, now: Date): AsyncGenerator<string> {
  const profile = await getAccountProfile({ userId });
  if (!profile) throw new Error("the account no longer exists");
  const presets = await listPresetsOfUser({ userId });
  const apiKeys = await listApiKeys({ userId });
  const head = {
    format: "chat-account-export/1",
    exportedAt: now.toISOString(),
    profile: {
      id: profile.id,
      email: profile.email,
      name: profile.name,
      image: profile.image,
      role: profile.role,
      status: profile.status,
      groups: profile.groups,
      hasPassword: profile.hasPassword,
      signInIdentities: profile.identities.map((identity) => ({ ...identity, createdAt: identity.createdAt.toISOString() })),
      createdAt: profile.createdAt.toISOString(),
      lastActiveAt: profile.lastActiveAt?.toISOString() ?? null,
    },
    presets: presets.map((preset) => ({ ...preset, createdAt: preset.createdAt.toISOString(), updatedAt: preset.updatedAt.toISOString() })),
    // Names, prefixes and dates only: a key's value is never stored, and its hash is not the user's business.
    apiKeys: apiKeys.map((key) => apiKeyView(key, now)),
  };
  // The head object without its closing brace, then the two long arrays.
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "conversations": [`;
  let first = true;
  for await (const conversation of eachConversationWithMessages({ userId })) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(conversationJson(conversation))}`;
    first = false;
  }
  yield `${first ? "" : "\n  "}],\n  "usage": [`;
  first = true;
  for await (const record of eachUsageRecord({ userId })) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify({ ...record, createdAt: record.createdAt.toISOString() })}`;
    first = false;
  }
  yield `${first ? "" : "\n  "}]\n}\n`;
}

/** The user's data as a stream of UTF-8 JSON. */
export function accountExportStream(userId: string, now = new Date()): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = accountJsonChunks(userId, now);
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        log.error({ area: "account", ...errorFields(error) }, "account export failed");
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
