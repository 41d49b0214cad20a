import "server-only";
import { cache } from "react";
import { getDb } from "./client";

// Hosts an answer's Markdown images may load from besides the app itself. Never saved: none.
const IMAGE_HOSTS_KEY = "chat.allowedImageHosts";

/** Read once per request: the root layout (the page's image policy) and the chat pages both need it. */
export const getAllowedImageHosts = cache(async (): Promise<string[]> => {
  const row = await getDb().setting.findUnique({ where: { key: IMAGE_HOSTS_KEY } });
  const value = row?.value;
  return Array.isArray(value) ? value.filter((host): host is string => typeof host === "string") : [];
});

export async function saveAllowedImageHosts({ hosts }: { hosts: string[] }): Promise<void> {
  await getDb().setting.upsert({ where: { key: IMAGE_HOSTS_KEY }, create: { key: IMAGE_HOSTS_KEY, value: hosts }, update: { value: hosts } });
}
