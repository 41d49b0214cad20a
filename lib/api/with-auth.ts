import "server-only";
import type { NextRequest } from "next/server";
import { type CurrentUser, getCurrentUser } from "@/lib/auth/session";
import { refuseCrossOriginWrite } from "./refuse-cross-origin";
import { apiError } from "./responses";
import { unexpectedErrorResponse } from "./unexpected-error";

type Handler<C> = (args: { request: NextRequest; user: CurrentUser; context: C }) => Promise<Response>;

/** Route handlers take the user from here: 401 without a live session, whatever middleware did or did not do. */
export function withUser<C>(handler: Handler<C>) {
  return async (request: NextRequest, context: C): Promise<Response> => {
    const crossOrigin = refuseCrossOriginWrite(request);
    if (crossOrigin) return crossOrigin;
    try {
      const user = await getCurrentUser();
      if (!user) return apiError("unauthorized", "Sign in to continue.");
      return await handler({ request, user, context });
    } catch (error) {
      return unexpectedErrorResponse(`${request.method} ${new URL(request.url).pathname}`, error);
    }
  };
}

/** Admin routes: 401 without a session, 403 for a signed-in non-admin; the role is read fresh on each request. */
export function withAdmin<C>(handler: Handler<C>) {
  return withUser<C>(async (args) => {
    if (args.user.role !== "admin") return apiError("forbidden", "Only administrators can do this.");
    return handler(args);
  });
}
