import { ApiError } from "./errors";

// The browser's one way to call the app's own API: a 2xx answer's JSON, or an ApiError rebuilt from the server's
// `{ error: { code, message } }` (see errors.ts), so callers read `.code` and show `.message`.

const OFFLINE = "The server cannot be reached. Check your connection and try again.";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface ApiFetchOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as plain text instead (an uploaded file's content). */
  text?: string;
  signal?: AbortSignal;
  /** The message when the answer is not ours (a proxy's error page): by default it names the status. */
  fallback?: string;
}

/** Calls the API: the answer's JSON (null for an empty one), or throws an ApiError; an abort is rethrown as it is. */
export async function apiFetch<T>(path: string, { method = "GET", body, text, signal, fallback }: ApiFetchOptions = {}): Promise<T> {
  const response = await apiResponse(
    path,
    {
      method,
      signal,
      headers: text !== undefined ? { "content-type": "text/plain; charset=utf-8" } : body === undefined ? undefined : { "content-type": "application/json" },
      body: text ?? (body === undefined ? undefined : JSON.stringify(body)),
    },
    fallback,
  );
  const answer = await response.text();
  return (answer ? JSON.parse(answer) : null) as T;
}

/**
 * fetch with the same error contract, for answers that are not JSON (a stream, a download): the 2xx Response, or an
 * ApiError; an abort is rethrown as it is.
 */
export async function apiResponse(input: RequestInfo | URL, init: RequestInit = {}, fallback?: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, { cache: "no-store", ...init });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await errorOfResponse(response, fallback);
  return response;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError; message: string };

/** apiFetch for forms that show the failure next to them: the outcome as a value instead of an exception. */
export async function apiResult<T>(path: string, options: ApiFetchOptions = {}): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await apiFetch<T>(path, options) };
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError("internal", options.fallback ?? "Something went wrong. Please try again.");
    return { ok: false, error: apiError, message: apiError.message };
  }
}

/** The ApiError a failed answer carries, or one with `fallback` when the body is not ours. */
async function errorOfResponse(response: Response, fallback?: string): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  return ApiError.fromBody(body) ?? new ApiError("internal", fallback ?? `The server answered ${response.status}. Try again.`);
}

/** A fetch that threw: the network (TypeError) becomes an ApiError; an abort stays what it is. */
function networkError(error: unknown): unknown {
  return error instanceof TypeError ? new ApiError("network_error", OFFLINE) : error;
}
