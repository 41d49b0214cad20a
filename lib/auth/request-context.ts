import { AsyncLocalStorage } from "node:async_hooks";
import { getEnv } from "@/lib/env";
import { clientAddress } from "./client-address";

export type RequestContext = { ipAddress: string | null; userAgent: string | null };

// next-auth's callbacks do not receive the request; the auth route handler runs them inside this context so the
// audit log and session rows can say where a sign-in came from.
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The caller's address (validated, past TRUSTED_PROXIES: lib/auth/client-address.ts) and browser. */
export function contextFromHeaders(headers: Headers): RequestContext {
  return {
    ipAddress: clientAddress(headers.get("x-forwarded-for"), getEnv().trustedProxies),
    userAgent: headers.get("user-agent"),
  };
}

export function currentRequestContext(): RequestContext {
  return requestContext.getStore() ?? { ipAddress: null, userAgent: null };
}
