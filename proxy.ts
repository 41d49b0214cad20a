import { type NextRequest, NextResponse } from "next/server";
import { isCrossOriginWrite } from "@/lib/api/cross-origin";
import { newNonce, pageSecurityPolicy } from "@/lib/ui/page-security-policy";

// A coarse first gate only: without a session cookie, pages redirect to sign-in and APIs answer 401 before any
// rendering. It never decides who someone is; every page, route and action checks the session itself.
const SESSION_COOKIES = ["chat.session-token", "__Secure-chat.session-token"];
// /v1 (the OpenAI-compatible API) authenticates by API key in its routes, never by the session cookie.
const PUBLIC_PATHS = [/^\/sign-(in|up)(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health(\/(live|ready))?$/, /^\/api\/metrics$/, /^\/v1(\/|$)/];

/**
 * Pages go on with a Content-Security-Policy that carries a fresh nonce, on the response and on the request, where
 * Next.js finds it and nonces its own scripts (lib/ui/page-security-policy.ts). API answers are not pages.
 */
function next(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname.startsWith("/api/") || request.nextUrl.pathname.startsWith("/v1/")) return NextResponse.next();
  const policy = pageSecurityPolicy({ nonce: newNonce(), isDevelopment: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A write from another origin goes on to its route, which refuses it before anything else and cancels its body
  // (lib/api/refuse-cross-origin.ts). Answered here instead, the body stays unread, and when the browser resets the
  // connection (it does after an opaque cross-origin answer) Next reports an uncaught "aborted" error.
  if (pathname.startsWith("/api/") && isCrossOriginWrite(request, process.env.APP_URL)) return NextResponse.next();
  if (PUBLIC_PATHS.some((pattern) => pattern.test(pathname))) return next(request);
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return next(request);
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "unauthorized", message: "Sign in to continue." } },
      { status: 401, headers: { "Cache-Control": "private, no-store" } },
    );
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
