import "server-only";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

/**
 * next-auth puts the message of an error thrown by authorize or a callback into the sign-in page's address
 * (?error=<message>). Around steps that do not throw our own codes: any error (a Prisma error names tables and SQL)
 * is logged and replaced by "Unavailable" when the database cannot serve, else by "Default".
 */
export async function withSignInErrorCodes<T>(step: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const unavailable = isDatabaseUnavailable(error);
    const detail = error instanceof Error ? `${error.name}: ${error.message.split("\n").filter(Boolean).at(-1) ?? ""}` : String(error);
    console.error(`[auth] ${step} failed${unavailable ? " (database unavailable)" : ""}: ${detail}`);
    throw new Error(unavailable ? "Unavailable" : "Default");
  }
}
