import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { log } from "./log";
import { observeHttpRequest } from "./metrics";
import { routeLabel } from "./route-label";

// One log line and one metric per HTTP request, for every page, route and static file, taken where Node's HTTP
// server hands the request to Next: the request id (the proxy's X-Request-Id, else a new one, echoed back), the
// signed-in user's id (set by the session lookup through noteRequestUser), the route pattern, the status and the
// time to the end of the response. Nothing from the body, the query string or the headers is logged.

interface RequestScope {
  requestId: string;
  userId: string | null;
}

const globalForRequests = globalThis as unknown as { chatRequestScope?: AsyncLocalStorage<RequestScope>; chatRequestLogInstalled?: boolean };
globalForRequests.chatRequestScope ??= new AsyncLocalStorage<RequestScope>();
const scope = globalForRequests.chatRequestScope;

const REQUEST_ID = /^[\w.:-]{1,64}$/;
// Probes and static files are logged at debug only: they would drown everything else.
const QUIET = /^\/(api\/health(\/|$)|api\/metrics$|_next\/)/;

/** Called by the session lookup: the log line of this request names the user (by id, never by email). */
export function noteRequestUser(userId: string): void {
  const current = scope.getStore();
  if (current) current.userId = userId;
}

function observe(req: IncomingMessage, res: ServerResponse, requestScope: RequestScope, startedAt: number): void {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const route = routeLabel(path, res.statusCode);
  const latencyMs = Math.round(performance.now() - startedAt);
  const method = req.method ?? "GET";
  observeHttpRequest(route, method, res.statusCode, latencyMs / 1000);
  const line = {
    requestId: requestScope.requestId,
    userId: requestScope.userId,
    method,
    route,
    status: res.statusCode,
    latencyMs,
    aborted: !res.writableFinished,
  };
  if (QUIET.test(path)) log.debug(line, "request");
  else if (res.statusCode >= 500) log.error(line, "request");
  else log.info(line, "request");
}

/** Installs the hook on every HTTP server of the process (Next's included); once. */
export function logEveryRequest(): void {
  if (globalForRequests.chatRequestLogInstalled) return;
  globalForRequests.chatRequestLogInstalled = true;
  const originalEmit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return originalEmit.call(this, event, ...args);
    const [req, res] = args as [IncomingMessage, ServerResponse];
    const given = req.headers["x-request-id"];
    const requestScope: RequestScope = { requestId: typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID(), userId: null };
    res.setHeader("X-Request-Id", requestScope.requestId);
    const startedAt = performance.now();
    res.once("close", () => observe(req, res, requestScope, startedAt));
    return scope.run(requestScope, () => originalEmit.call(this, event, ...args));
  } as typeof http.Server.prototype.emit;
}
