import "server-only";
import type { LookupAddress, LookupOptions } from "node:dns";
import dns from "node:dns";
import { Agent, fetch as undiciFetch } from "undici";
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

/** A fetch for backend calls: refuses a forbidden spelling at once and a forbidden resolved address per connection. */
export function createGuardedFetch(resolve: Resolver = systemResolver): typeof globalThis.fetch {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(resolve) } });
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const problem = endpointProblem(url);
    if (problem) return Promise.reject(new TypeError(`fetch failed: endpoint ${problem}`));
    // undici's own fetch with its own Agent: Node's built-in fetch is an older undici, and mixing the two loses the
    // abort of a request in flight (the upstream connection would stay open after Stop or a timeout).
    return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    }) as unknown as Promise<Response>;
  };
}

const globalForFetch = globalThis as unknown as { guardedBackendFetch?: typeof globalThis.fetch };

/** The process-wide backend fetch (one connection pool). */
export function backendFetch(): typeof globalThis.fetch {
  globalForFetch.guardedBackendFetch ??= createGuardedFetch();
  return globalForFetch.guardedBackendFetch;
}
