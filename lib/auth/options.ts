import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/db/audit";
import { createSession, deleteSession } from "@/lib/db/sessions";
import { getUserByIdentity } from "@/lib/db/users";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/server/log";
import { sessionCookieName } from "./cookies";
import { type OidcClaims, signInWithOidc, signInWithPassword } from "./provision";
import { currentRequestContext } from "./request-context";
import { getAuthSecret } from "./secret";
import { tooManyAttemptsCode } from "./sign-in-errors";
import { withSignInErrorCodes } from "./sign-in-failure";

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

function oidcProvider(): OAuthConfig<OidcClaims> | null {
  const env = getEnv();
  if (!env.oidc) return null;
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.oidc.issuer}/.well-known/openid-configuration`,
    issuer: env.oidc.issuer,
    clientId: env.oidc.clientId,
    clientSecret: env.oidc.clientSecret,
    authorization: { params: { scope: env.OIDC_SCOPES } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      return { id: String(claims.sub), email: typeof claims.email === "string" ? claims.email : null };
    },
  };
}

function credentialsProvider() {
  return CredentialsProvider({
    id: "credentials",
    name: "Email",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(raw) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) throw new Error("InvalidCredentials");
      const result = await withSignInErrorCodes("password sign-in", () => signInWithPassword(parsed.data));
      // next-auth passes a thrown message to the sign-in page as ?error=<code>.
      if (!result.ok) throw new Error(result.code === "TooManyAttempts" ? tooManyAttemptsCode(result.retryAfterSeconds ?? 60) : result.code);
      return { id: result.userId };
    },
  });
}

/**
 * next-auth runs the sign-in flows; the session itself is a row in our database. The cookie holds an encrypted
 * token naming that row and nothing else, and lib/auth/session.ts reads the row and its user on every request, so
 * a sign-out, disable or role change takes effect on the very next request, on every instance.
 */
export function authOptions(): NextAuthOptions {
  const env = getEnv();
  const maxAge = env.SESSION_MAX_AGE_HOURS * 3600;
  const oidc = oidcProvider();
  // next-auth 4 builds callback URLs from NEXTAUTH_URL and has no option for it; APP_URL is our one name for it.
  process.env.NEXTAUTH_URL = env.APP_URL;
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    useSecureCookies: env.APP_URL.startsWith("https://"),
    cookies: {
      sessionToken: { name: sessionCookieName(), options: { httpOnly: true, sameSite: "lax", path: "/", secure: env.APP_URL.startsWith("https://") } },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [...(oidc ? [oidc] : []), ...(env.LOCAL_ACCOUNTS ? [credentialsProvider()] : [])],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const result = await withSignInErrorCodes("SSO sign-in", () => signInWithOidc((profile ?? {}) as OidcClaims));
        if (result.ok) return true;
        return result.code === "PendingApproval" ? "/sign-in/pending" : `/sign-in?error=${result.code}`;
      },
      async jwt({ token, user, account, profile }) {
        if (!user || !account) return token;
        return withSignInErrorCodes("session start", async () => {
          const userId =
            account.provider === "oidc"
              ? (await getUserByIdentity({ issuer: String((profile as OidcClaims | undefined)?.iss ?? env.oidc?.issuer), subject: account.providerAccountId }))
                  ?.id
              : user.id;
          if (!userId) throw new Error("signed-in user not found");
          const { ipAddress, userAgent } = currentRequestContext();
          const session = await createSession({ userId, maxAgeMs: maxAge * 1000, ipAddress, userAgent });
          return { sid: session.id };
        });
      },
      async session({ session }) {
        // The browser learns nothing from /api/auth/session but the expiry; pages read the user on the server.
        return { expires: session.expires };
      },
      async redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !/^\/[\\/]/.test(url)) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          // not a URL: fall through to the home page
        }
        return baseUrl;
      },
    },
    events: {
      async signOut({ token }) {
        const sid = typeof token?.sid === "string" ? token.sid : null;
        if (sid) await deleteSession({ id: sid });
        await recordAuditEvent({ action: "auth.sign_out", target: sid, ...currentRequestContext() });
      },
    },
    logger: {
      error(code, metadata) {
        // metadata can hold tokens and profiles: log the code and message only.
        const message = metadata instanceof Error ? metadata.message : (metadata as { error?: Error })?.error?.message;
        log.error({ area: "auth", code, ...(message ? { reason: message } : {}) }, "sign-in error");
      },
      warn(code) {
        if (code !== "DEBUG_ENABLED") log.warn({ area: "auth", code }, "sign-in warning");
      },
      debug() {},
    },
  };
}
