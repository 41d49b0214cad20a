import { safeCallbackPath } from "@/lib/auth/policy";

/**
 * Where to send someone after signing in: a same-origin path, never back to the sign-in or sign-up pages (a signed-in
 * visitor is redirected away from those, so that would loop).
 */
export function postSignInPath(callbackUrl: string | string[] | undefined, appUrl: string): string {
  const path = safeCallbackPath(firstParam(callbackUrl), appUrl);
  return /^\/sign-(in|up)(?=[/?#]|$)/.test(path) ? "/" : path;
}

/** A link to an auth page that keeps the callback, leaving the address clean when it is just the home page. */
export function authPageHref(page: "/sign-in" | "/sign-up", callbackPath: string): string {
  return callbackPath === "/" ? page : `${page}?${new URLSearchParams({ callbackUrl: callbackPath })}`;
}

/** A query parameter given twice arrives as an array: use the first. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
