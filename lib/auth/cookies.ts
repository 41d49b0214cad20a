import { getEnv } from "@/lib/env";

/** Over https the cookie is __Secure- prefixed, so a plain-http page on the same host cannot set or read it. */
export function sessionCookieName(): string {
  return getEnv().APP_URL.startsWith("https://") ? "__Secure-chat.session-token" : "chat.session-token";
}
