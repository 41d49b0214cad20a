import "server-only";
import type { LookupAddress, LookupOptions } from "node:dns";
import dns from "node:dns";
import { Agent, request } from "undici";
import { endpointProblem, isForbiddenAddress } from "./endpoint-policy";

// The endpoint check (endpoint-policy.ts) reads the spelling of a URL; a host name can still resolve to a metadata
// address, or resolve to a harmless one when an admin saves it and to 169.254.169.254 later (DNS rebinding). So the
// addresses are checked again where they are used: in the resolver of every new connection to a backend. An IP
// literal never reaches the resolver; the spelling check refuses those before the request starts.

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves a host name to all its addresses (dns.lookup by default; tests inject their own). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export class ForbiddenAddressError extends Error {
  readonly code = "EFORBIDDENADDRESS";
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, a link-local or cloud metadata address, which no model server uses`);
    this.name = "ForbiddenAddressError";
  }
}

/** A `lookup` for net/tls connect: the resolver's answer, refused as a whole when any address is forbidden. */
export function guardedLookup(resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((entry) => entry.family === options.family) : all;
        const forbidden = all.find((entry) => isForbiddenAddress(entry.address));
        if (forbidden) return callback(new ForbiddenAddressError(hostname, forbidden.address), options.all ? [] : "");
        if (wanted.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = "ENOTFOUND";
          return callback(error, options.all ? [] : "");
        }
        if (options.all) return callback(null, wanted);
        const first = wanted[0]!;
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, options.all ? [] : ""),
    );
  };
}

/** One POST to a model server. */
export interface BackendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Aborting it ends the request, also while its body is being read. */
  signal: AbortSignal;
}

/** A model server's answer. No redirect is ever followed: a 3xx comes back as it is. */
export interface BackendResponse {
  status: number;
  headers: Headers;
  /** The body's bytes as they arrive. Leaving the iteration early ends the request. */
  body: AsyncIterable<Uint8Array>;
}

export type BackendTransport = (request: BackendRequest) => Promise<BackendResponse>;

/**
 * The HTTP client of every backend call: refuses a forbidden spelling at once and a forbidden resolved address per
 * connection. undici's `request` rather than fetch: the body is a Node stream read chunk by chunk, where fetch wraps
 * every chunk in web streams and promises; at 500 simultaneous answers that was about a tenth of the server's CPU.
 * A redirect is answered as an error by the caller, never followed: it could lead the request (and its key) anywhere.
 */
export function createBackendTransport(resolve: Resolver = systemResolver): BackendTransport {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(resolve) } });
  return async ({ url, headers, body, signal }) => {
    const problem = endpointProblem(url);
    if (problem) throw new TypeError(`request refused: endpoint ${problem}`);
    const response = await request(url, { method: "POST", headers, body, signal, dispatcher });
    return { status: response.statusCode, headers: headersOf(response.headers), body: response.body };
  };
}

/** A whole body as text (an error's body, a small JSON answer). */
export async function bodyText(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

const globalForTransport = globalThis as unknown as { backendTransport?: BackendTransport };

/** The process-wide backend transport (one connection pool). */
export function backendTransport(): BackendTransport {
  globalForTransport.backendTransport ??= createBackendTransport();
  return globalForTransport.backendTransport;
}
