import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { echoedText, replyTokens } from "./echo";
import { type Scenario, scenarioFromText } from "./scenarios";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export interface FakeTimings {
  /** Gap between streamed tokens. */
  tokenDelayMs: number;
  /** How long "slow-first-token" waits before the first token. */
  slowFirstTokenMs: number;
  /** Upper bound for "stall" and "hang" (they end earlier when the client disconnects). */
  stallMs: number;
  /** Tokens sent before "stall", "reset", "mid-stream-error" and "content-filter" strike. */
  tokensBeforeTrouble: number;
}

export const DEFAULT_TIMINGS: FakeTimings = { tokenDelayMs: 2, slowFirstTokenMs: 5_000, stallMs: 30_000, tokensBeforeTrouble: 2 };

/** What a handler gets for one request. */
export class Exchange {
  private closed = false;
  /** Set when the fake itself killed the connection, so it is not counted as a client disconnect. */
  killedByServer = false;
  private readonly closeWaiters: Array<() => void> = [];
  /** Set while the server is held (FakeServer.hold): the first token waits for it. */
  firstTokenGate: Promise<void> | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly request: RecordedRequest,
    readonly scenario: Scenario,
    readonly timings: FakeTimings,
    readonly tokens: string[],
  ) {
    res.on("close", () => {
      this.closed = true;
      for (const wake of this.closeWaiters.splice(0)) wake();
    });
  }

  get clientGone(): boolean {
    return this.closed;
  }

  /** Waits `ms`, or less if the client disconnects; resolves to false in that case. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(!this.closed), ms);
      this.closeWaiters.push(() => {
        clearTimeout(timer);
        resolve(false);
      });
    });
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.res.writeHead(status, { "content-type": "application/json", ...headers });
    this.res.end(JSON.stringify(body));
  }

  empty(status: number): void {
    this.res.writeHead(status);
    this.res.end();
  }

  startStream(contentType: string, headers: Record<string, string> = {}): void {
    this.res.writeHead(200, { "content-type": contentType, "cache-control": "no-cache", ...headers });
    this.res.flushHeaders();
  }

  write(text: string): boolean {
    if (this.closed) return false;
    this.res.write(text);
    return true;
  }

  end(): void {
    if (!this.closed) this.res.end();
  }

  /**
   * Kills the connection with a TCP RST, as a crashing upstream or proxy does. Waits a moment first: an RST makes
   * the client's kernel drop data it has not read yet, and the tests want the tokens sent before it.
   */
  async reset(): Promise<void> {
    await this.sleep(100);
    if (this.closed) return;
    this.killedByServer = true;
    this.req.socket.resetAndDestroy();
  }

  /** Stays silent until the client leaves (or stallMs passes), then closes. */
  async stall(): Promise<void> {
    await this.sleep(this.timings.stallMs);
    this.end();
  }
}

/**
 * Base of every fake backend: a node:http server on 127.0.0.1 that records what it receives and lets tests choose
 * how it misbehaves. Subclasses implement one protocol each.
 */
export abstract class FakeServer {
  readonly requests: RecordedRequest[] = [];
  /** Applies to every request unless the prompt carries a magic phrase. */
  scenario: Scenario = "ok";
  /** Scenarios for the next requests, one each, before `scenario` applies again (e.g. overloaded twice, then fine). */
  nextScenarios: Scenario[] = [];
  timings: FakeTimings = { ...DEFAULT_TIMINGS };
  /**
   * Until the returned function is called, streamed answers start (status and headers) but hold back their first
   * token: a test attaches what it needs to a running answer before any text, instead of racing it.
   */
  hold(): () => void {
    let release = () => {};
    const until = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = { until, release };
    this.held = held;
    return () => {
      if (this.held === held) this.held = null;
      held.release();
    };
  }

  /** The answer, split into tokens the way it is streamed. */
  reply: string;
  /** Responses the client closed before they were complete. */
  clientDisconnects = 0;
  /** Decides the answer (and scenario) per request from what was asked, e.g. right on some prompts and wrong on others. */
  script: ((request: RecordedRequest) => { reply?: string; scenario?: Scenario } | undefined) | undefined;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private disconnectWaiters: Array<() => void> = [];
  private held: { until: Promise<void>; release: () => void } | null = null;
  private baseUrl = "";

  protected constructor(
    readonly name: string,
    reply: string,
  ) {
    this.reply = reply;
  }

  get url(): string {
    return this.baseUrl;
  }

  get requestCount(): number {
    return this.requests.length;
  }

  get lastRequest(): RecordedRequest | undefined {
    return this.requests[this.requests.length - 1];
  }

  /** Resolves at the next response the client abandons mid-way (its socket closed before the end). */
  nextDisconnect(): Promise<void> {
    return new Promise((resolve) => this.disconnectWaiters.push(resolve));
  }

  /** Back to a clean state between tests. */
  reset(): void {
    this.requests.length = 0;
    this.scenario = "ok";
    this.nextScenarios = [];
    this.held?.release();
    this.held = null;
    this.timings = { ...DEFAULT_TIMINGS };
    this.clientDisconnects = 0;
    this.script = undefined;
  }

  async start(port = 0, host = "127.0.0.1"): Promise<string> {
    const server = createServer((req, res) => void this.accept(req, res));
    // Longer than any client's idle keep-alive, so the client always closes an idle connection first: with Node's
    // 5 s default, a client reusing a socket at the moment the server closes it gets ECONNRESET (seen under load).
    server.keepAliveTimeout = 65_000;
    server.on("connection", (socket) => {
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${address.port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  protected abstract handle(exchange: Exchange): Promise<void>;

  protected tokens(): string[] {
    return this.reply.match(/\s*\S+/g) ?? [this.reply];
  }

  private async accept(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    let json: unknown;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const request: RecordedRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body, json };
    this.requests.push(request);
    const echoed = echoedText(json);
    const scripted = this.script?.(request);
    const tokens = scripted?.reply !== undefined ? replyTokens(scripted.reply) : echoed === undefined ? this.tokens() : replyTokens(echoed);
    const scenario = scenarioFromText(body) ?? scripted?.scenario ?? this.nextScenarios.shift() ?? this.scenario;
    const exchange = new Exchange(req, res, request, scenario, this.timings, tokens);
    exchange.firstTokenGate = this.held?.until;
    res.on("close", () => {
      if (res.writableFinished || exchange.killedByServer) return;
      this.clientDisconnects += 1;
      for (const wake of this.disconnectWaiters.splice(0)) wake();
    });
    try {
      if (exchange.scenario === "hang") {
        await exchange.sleep(this.timings.stallMs);
        return exchange.reset();
      }
      await this.handle(exchange);
    } catch (error) {
      if (!res.headersSent) exchange.json(500, { error: `fake ${this.name} crashed: ${String(error)}` });
      else exchange.end();
    }
  }
}

/** Rough token count the fakes report, so tests can tell reported usage from the client's chars/4 estimate. */
export function fakeTokenCount(text: string): number {
  return Math.max(1, Math.round(text.length / 3));
}
