import pino, { type Logger } from "pino";
import { parseEnv } from "@/lib/env";

// The server's one logger: JSON lines on stdout (one object per event, for the log collector), level from LOG_LEVEL.
// What may never appear in a line — keys, passwords, secrets, cookies, prompts, answers — is redacted by name
// wherever it sits, so a careless `log.info({ request })` cannot leak it. Prompts and answers are only logged with
// LOG_PROMPTS=true (for debugging a backend, never in production), through `promptFields`.

const SECRET_PATHS = [
  "apiKey",
  "password",
  "passwordHash",
  "secret",
  "clientSecret",
  "token",
  "authorization",
  "cookie",
  "email",
  "prompt",
  "text",
  "answer",
].flatMap((name) => [name, `*.${name}`, `*.*.${name}`]);

function settings(): { level: string; logPrompts: boolean } {
  try {
    // Not getEnv(): the logger is made when first imported, which must not fix the configuration that early.
    const env = parseEnv(process.env);
    return { level: env.LOG_LEVEL, logPrompts: env.LOG_PROMPTS };
  } catch {
    // A bad configuration is reported by the start step (through this logger), at the default level.
    return { level: "info", logPrompts: false };
  }
}

function createLogger(): Logger {
  const { level } = settings();
  return pino({
    level,
    base: { service: "chat" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: SECRET_PATHS, censor: "[redacted]" },
  });
}

// One instance per process, even when Next bundles this module into several chunks.
const globalForLog = globalThis as unknown as { chatLogger?: Logger };
globalForLog.chatLogger ??= createLogger();

export const log: Logger = globalForLog.chatLogger;

/** A prompt or answer for a debug line: present only with LOG_PROMPTS=true, else only its length. */
export function promptFields(name: string, value: string): Record<string, string | number> {
  return settings().logPrompts ? { [`${name}Content`]: value } : { [`${name}Chars`]: value.length };
}

/** An error as log fields: its name and message, never a request or response body attached to it. */
export function errorFields(error: unknown): { err: { name: string; message: string } } {
  return error instanceof Error ? { err: { name: error.name, message: error.message } } : { err: { name: "Error", message: String(error) } };
}
