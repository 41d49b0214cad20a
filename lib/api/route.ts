import "server-only";
import type { z } from "zod";
import { type CurrentUser, getCurrentUser } from "@/lib/auth/session";
import { isEvaluatorMember } from "@/lib/db/evals-access";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { getEnv } from "@/lib/env";
import { errorFields, log } from "@/lib/server/log";
import { isCrossOriginWrite } from "./cross-origin";
import { ApiError } from "./errors";
import { readJsonBody } from "./read-body";

type Access = "public" | "user" | "evaluator" | "admin";

interface RouteSpec<A extends Access, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  /**
   * Who may call it: anyone, a signed-in user (401 otherwise), an admin or a member of a group allowed to run
   * evaluations, or an admin (403 for anyone else).
   */
  auth: A;
  /** The dynamic segments of the path, e.g. `z.object({ id: z.uuid() })`. */
  params?: P;
  /** The search parameters, as an object of strings. */
  query?: Q;
  /** The JSON body; read only when given, capped at 1 MB. */
  body?: B;
  /**
   * The error for a part that does not parse, instead of the default 400 naming the first problem: e.g. a 404 for a
   * path that cannot name anything (as for an unknown id), or one message for any problem with a small body.
   */
  invalid?: { params?: ApiError; query?: ApiError; body?: ApiError };
}

type Parsed<T extends z.ZodType> = z.ZodType extends T ? undefined : z.infer<T>;

interface RouteArgs<A extends Access, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  request: Request;
  user: A extends "public" ? null : CurrentUser;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

/**
 * Every route handler is made with this, so each request goes through the same steps in the same order: refuse a
 * write from another origin (403) → session and role (401/403, read fresh from the database on every request) →
 * read the body, capped → parse params, query and body with zod (400 naming the first problem) → the handler →
 * translate what it throws: an ApiError becomes its JSON answer, anything else is logged and becomes a generic 500.
 */
export function route<A extends Access, P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  spec: RouteSpec<A, P, Q, B>,
  handler: (args: RouteArgs<A, P, Q, B>) => Promise<Response>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      refuseCrossOriginWrite(request);
      // The session before the body: an anonymous client never gets a megabyte body read and parsed.
      const user = await userFor(spec.auth).catch((error: unknown) => {
        void request.body?.cancel().catch(() => undefined);
        throw error;
      });
      const rawBody = spec.body ? await readJsonBody(request) : undefined;
      const params = spec.params ? parse(spec.params, (await context?.params) ?? {}, spec.invalid?.params) : undefined;
      const query = spec.query ? parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), spec.invalid?.query) : undefined;
      const body = spec.body ? parse(spec.body, rawBody, spec.invalid?.body) : undefined;
      return await handler({ request, user, params, query, body } as RouteArgs<A, P, Q, B>);
    } catch (error) {
      return errorResponse(request, error);
    }
  };
}

function refuseCrossOriginWrite(request: Request): void {
  if (!isCrossOriginWrite(request, getEnv().APP_URL)) return;
  // The body is never read: cancelling it tells Next so, else a connection reset by the browser surfaces as an
  // uncaught "aborted" error.
  void request.body?.cancel().catch(() => undefined);
  throw new ApiError("forbidden", "This request must come from the app's own pages.");
}

function parse<T extends z.ZodType>(schema: T, value: unknown, invalid?: ApiError): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalid ?? new ApiError("bad_request", firstIssueMessage(parsed.error));
}

/** The first problem zod found, worded for the user (the schemas carry user-facing messages where it matters). */
export function firstIssueMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is not valid.";
  const path = issue.path.join(".");
  return path && issue.code !== "custom" && !issue.message.endsWith(".") ? `${path}: ${issue.message}` : issue.message;
}

async function userFor(access: Access): Promise<CurrentUser | null> {
  if (access === "public") return null;
  const user = await getCurrentUser();
  if (!user) throw new ApiError("unauthorized", "Sign in to continue.");
  if (access === "admin" && user.role !== "admin") throw new ApiError("forbidden", "Only administrators can do this.");
  if (access === "evaluator" && user.role !== "admin" && !(await isEvaluatorMember(user.id))) {
    throw new ApiError("forbidden", "Only administrators and evaluators can do this.");
  }
  return user;
}

/** What the client gets for a failure: an ApiError as it is; anything else logged and answered without its text. */
export function errorResponse(request: Request, error: unknown): Response {
  if (error instanceof ApiError) return error.toResponse();
  const where = `${request.method} ${new URL(request.url).pathname}`;
  const unavailable = isDatabaseUnavailable(error);
  log.error({ area: "api", route: where, databaseUnavailable: unavailable, ...errorFields(error) }, "request failed");
  // Prisma's messages name tables and SQL: never sent. A database that cannot serve is a 503 the client may retry.
  if (unavailable) {
    return new ApiError("unavailable", "The service is temporarily unavailable. Please try again in a moment.", { retryAfterMs: 5_000 }).toResponse();
  }
  return new ApiError("internal", "Something went wrong. Please try again.").toResponse();
}
