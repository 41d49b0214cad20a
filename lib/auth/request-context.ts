import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { ipAddress: string | null; userAgent: string | null };

// next-auth's callbacks do not receive the request; the auth route handler runs them inside this context so the
// audit log and session rows can say where a sign-in came from.
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function contextFromHeaders(headers: Headers): RequestContext {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ipAddress: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent"),
  };
}

export function currentRequestContext(): RequestContext {
  return requestContext.getStore() ?? { ipAddress: null, userAgent: null };
}
