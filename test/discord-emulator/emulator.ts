// A local, loopback-only stand-in for Discord (REST v10 + JSON gateway v10)
// that the real discord.js Client can log in to. Behaviour follows what
// @discordjs/ws, @discordjs/rest and discord.js 14 actually do with Discord's
// responses (see the comments), plus the Discord rules bots most often get
// wrong: the 3 s interaction deadline, double acknowledgement, 2000-character
// content, allowed_mentions, the MESSAGE_CONTENT intent and permissions.
//
// Usage (vitest):
//
//   const emulator = new DiscordEmulator();
//   await emulator.start();
//   const client = new Client({ intents, rest: { api: emulator.restUrl } });
//   await client.login(emulator.token);            // then wait for Events.ClientReady
//   const i = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'q' } }));
//   const callback = await emulator.waitForInteractionCallback(i);   // callback.body.type === 4
//   await client.destroy();
//   await emulator.stop();

import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApplicationCommandType,
  ChannelType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type { APIApplicationCommand, APIInteraction, APIMessage, APIUser, GatewayMessageCreateDispatchData } from 'discord.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  applicationObject,
  channelObject,
  computePermissions,
  createWorld,
  deriveMentions,
  fakeBotToken,
  findChannel,
  findUser,
  guildCreatePayload,
  guildMember,
  guildObject,
  readyPayload,
  snowflake,
  snowflakeTime,
  toRestMessage,
  worldUsers,
  type World,
  type WorldOptions,
} from './payloads.js';
import {
  ApiError,
  Errors,
  FormErrors,
  validateAutocompleteChoices,
  validateCommands,
  validateMessage,
  type ApiReply,
} from './validation.js';

// One import for tests: builders and errors live in sibling modules.
export * from './payloads.js';
export { ApiError, type ApiReply } from './validation.js';

// Request bodies are arbitrary JSON chosen by the bot under test; `any` keeps
// test predicates (`r.body.type === 4`) readable.
type Json = any;

export interface RecordedRequest {
  /** 1-based arrival order. */
  seq: number;
  method: string;
  /** Decoded path without the `/api/v10` prefix, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body; `undefined` when there is none. */
  body: Json;
  /** Route template that matched, e.g. `POST /interactions/:interactionId/:token/callback`; null for unknown routes. */
  route: string | null;
  params: Record<string, string>;
  at: number;
  /** Filled in once the emulator has answered. */
  response?: { status: number; body: unknown };
}

/** `'POST /channels/:id/messages'` (`:x` = one segment, `*` = anything), a RegExp tested on `'METHOD /path'`, or a predicate. */
export type RequestMatcher = string | RegExp | ((req: RecordedRequest) => boolean);

export interface GatewayFrame {
  direction: 'in' | 'out';
  connectionId: number;
  sessionId: string | null;
  op: number;
  t: string | null;
  s: number | null;
  d: Json;
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  payload: APIInteraction;
  dispatchedAt: number;
  /** Creation time from the interaction's snowflake: the deadline counts from it. */
  createdAt: number;
  acknowledged: boolean;
  acknowledgedAt: number | null;
  callbackType: InteractionResponseType | null;
  /** `data` of the callback body (message or choices). */
  callbackData: Json;
  originalMessageId: string | null;
  /** Deferred with type 5 and not yet edited: the user sees "thinking...". */
  loading: boolean;
  followupIds: string[];
}

export interface EmulatorOptions extends WorldOptions {
  /** Bot token the emulator accepts; defaults to a random, Discord-shaped token. */
  token?: string;
  /** HELLO heartbeat_interval. Default 45000 (as Discord). */
  heartbeatIntervalMs?: number;
  /** Initial-response deadline for interactions; 0 disables. Default 3000 (as Discord). */
  interactionDeadlineMs?: number;
  /** `shards` advertised by GET /gateway/bot. Default 1. */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency`. Default 1. */
  maxConcurrency?: number;
  /** Privileged intents the application is allowed to use (others → close 4014). Default: all three. */
  allowedPrivilegedIntents?: number;
  /** Send MESSAGE_CREATE/UPDATE/DELETE over the gateway for messages the bot creates (Discord does). Default true. */
  echoBotMessages?: boolean;
  /** Apply Discord's body validation (lengths, empty messages, choices, command names). Default true. */
  validate?: boolean;
  debug?: (line: string) => void;
}

interface Session {
  id: string;
  token: string;
  intents: number;
  shard: [number, number];
  seq: number;
  log: { s: number; t: string; d: Json }[];
  connection: Connection | null;
  ready: boolean;
}

interface Connection {
  id: number;
  ws: WebSocket;
  path: string;
  session: Session | null;
  closedByServer: boolean;
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  auth: boolean;
  handler: (ctx: RouteContext) => ApiReply | Promise<ApiReply>;
}

interface RouteContext {
  req: RecordedRequest;
  params: Record<string, string>;
  body: Json;
}

const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const KNOWN_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is number => typeof v === 'number')
  .reduce((all, bit) => all | bit, 0);
const SESSION_LOG_LIMIT = 5000;
const WEBHOOK_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
// Flags a bot may set when creating or editing a message.
const SETTABLE_MESSAGE_FLAGS =
  MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsVoiceMessage | MessageFlags.IsComponentsV2;

function compilePattern(pattern: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1));
        return '([^/]+)';
      }
      if (seg === '*') return '.*';
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), keys };
}

export function compileMatcher(matcher: RequestMatcher): (req: RecordedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  if (matcher instanceof RegExp) return (r) => matcher.test(`${r.method} ${r.path}`);
  const space = matcher.indexOf(' ');
  const method = space === -1 ? '*' : matcher.slice(0, space).toUpperCase();
  const { regex } = compilePattern(space === -1 ? matcher : matcher.slice(space + 1));
  return (r) => (method === '*' || method === r.method) && regex.test(r.path);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const isEphemeral = (m: APIMessage | undefined) => ((m?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

export class DiscordEmulator {
  readonly options: Required<Omit<EmulatorOptions, keyof WorldOptions | 'debug' | 'token'>> & Pick<EmulatorOptions, 'debug'>;
  readonly world: World;
  /** The only bot token accepted by REST and IDENTIFY. */
  readonly token: string;

  /** Every HTTP request received, in order (also unknown routes and rejected ones). */
  readonly requests: RecordedRequest[] = [];
  /** Every gateway payload sent or received. */
  readonly gatewayFrames: GatewayFrame[] = [];
  /** `d` of each IDENTIFY received. */
  readonly identifies: Json[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  /** The same records by token: every follow-up and edit looks its interaction up this way. */
  private readonly interactionsByToken = new Map<string, InteractionRecord>();
  /** Messages known to the emulator (dispatched to the bot or created by it), by id. */
  readonly messages = new Map<string, APIMessage>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();

  identifyCount = 0;
  resumeCount = 0;
  /** RESUMEs refused with op 9 (unknown session or token). */
  failedResumeCount = 0;
  heartbeatCount = 0;
  /** Set to false to stop answering heartbeats (discord.js then treats the connection as a zombie and resumes). */
  ackHeartbeats = true;

  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private port = 0;
  private readonly routes: Route[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private connectionCounter = 0;
  private readonly events = new EventEmitter();
  private readonly waiters = new Set<(reason: Error) => void>();
  private readonly delays: { match: (r: RecordedRequest) => boolean; ms: number }[] = [];
  private readonly holds: { match: (r: RecordedRequest) => boolean; released: Promise<void> }[] = [];
  private readonly injections: { match: (r: RecordedRequest) => boolean; reply: ApiReply; remaining: number; afterHandling: boolean }[] = [];
  private stopController = new AbortController();

  constructor(options: EmulatorOptions = {}) {
    this.world = createWorld(options);
    this.token = options.token ?? fakeBotToken(this.world.botUserId);
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45000,
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
      recommendedShards: options.recommendedShards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
      allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? PRIVILEGED_INTENTS,
      echoBotMessages: options.echoBotMessages ?? true,
      validate: options.validate ?? true,
      debug: options.debug,
    };
    this.events.setMaxListeners(0);
    this.registerRoutes();
  }

  // -------------------------------------------------------------------------
  // ids and urls

  get applicationId(): string {
    return this.world.applicationId;
  }
  get botUserId(): string {
    return this.world.botUserId;
  }
  get botUser(): APIUser {
    return this.world.botUser;
  }
  get guildId(): string {
    return this.world.guildId;
  }
  get channelId(): string {
    return this.world.channelId;
  }
  get otherChannelId(): string {
    return this.world.otherChannelId;
  }
  get categoryId(): string {
    return this.world.categoryId;
  }
  get dmChannelId(): string {
    return this.world.dmChannelId;
  }
  get everyoneRoleId(): string {
    return this.world.everyoneRoleId;
  }
  get botRoleId(): string {
    return this.world.botRoleId;
  }
  get memberRoleId(): string {
    return this.world.memberRoleId;
  }
  get user(): APIUser {
    return this.world.user;
  }
  get userId(): string {
    return this.world.user.id;
  }
  get otherUser(): APIUser {
    return this.world.otherUser;
  }
  get otherUserId(): string {
    return this.world.otherUser.id;
  }
  /** `http://127.0.0.1:PORT` */
  get baseUrl(): string {
    this.assertStarted();
    return `http://127.0.0.1:${this.port}`;
  }
  /**
   * The environment of a bot process that talks to this emulator as `npm start` runs it:
   * offline lexical engine, no cooldown, JSON logs. `overrides` adds or replaces variables.
   */
  botEnv(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: this.token,
      DISCORD_API_URL: this.restUrl,
      OFFLINE: '1',
      EMBEDDING_MODEL: 'none',
      COOLDOWN_SECONDS: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...overrides,
    };
  }

  /** Pass as `rest.api` (discord.js appends `/v10`). */
  get restUrl(): string {
    return `${this.baseUrl}/api`;
  }
  get gatewayUrl(): string {
    this.assertStarted();
    return `ws://127.0.0.1:${this.port}`;
  }

  private assertStarted(): void {
    if (!this.server) throw new Error('DiscordEmulator is not started');
  }

  private debug(line: string): void {
    this.options.debug?.(`[discord-emulator] ${line}`);
  }

  private changed(): void {
    this.events.emit('change');
  }

  // -------------------------------------------------------------------------
  // lifecycle

  async start(): Promise<void> {
    if (this.server) return;
    this.stopController = new AbortController();
    const server = createServer((req, res) => {
      this.onHttp(req, res).catch((error: unknown) => {
        this.debug(`internal error: ${String(error)}`);
        if (!res.headersSent) this.sendReply(res, { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
      });
    });
    // Discord's gateway is a separate host; sharing the port keeps the setup to one listener.
    const wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (ws) => this.onGatewayConnection(ws, req));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only: nothing outside this machine can reach the emulator.
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.wss = wss;
    this.port = (server.address() as AddressInfo).port;
    this.debug(`listening on ${this.baseUrl}`);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.stopController.abort();
    for (const cancel of [...this.waiters]) cancel(new Error('DiscordEmulator stopped'));
    for (const conn of this.connections) conn.ws.terminate();
    this.connections.clear();
    this.wss?.close();
    this.wss = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
    this.sessions.clear();
  }

  /** Forget recorded requests, frames and counters (world, sessions and stored messages are kept). */
  clearRecords(): void {
    this.requests.length = 0;
    this.gatewayFrames.length = 0;
    this.identifies.length = 0;
    this.identifyCount = 0;
    this.resumeCount = 0;
    this.failedResumeCount = 0;
    this.heartbeatCount = 0;
  }

  // -------------------------------------------------------------------------
  // waiting

  private waitUntil<T>(check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('change', onChange);
        this.waiters.delete(cancel);
      };
      const onChange = () => {
        const value = check();
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const cancel = (reason: Error) => {
        cleanup();
        reject(reason);
      };
      const timer = setTimeout(() => cancel(new Error(`Timed out after ${timeoutMs}ms waiting for ${what()}`)), timeoutMs);
      this.events.on('change', onChange);
      this.waiters.add(cancel);
    });
  }

  private describeRecentRequests(): string {
    const recent = this.requests.slice(-10).map((r) => `  ${r.method} ${r.path} -> ${r.response?.status ?? 'pending'}`);
    return recent.length ? `a matching request; last requests:\n${recent.join('\n')}` : 'a matching request; no requests received';
  }

  /** First recorded request (past or future) matching `predicate`. */
  waitForRequest(predicate: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
    const match = compileMatcher(predicate);
    return this.waitUntil(() => this.requests.find(match), timeoutMs, () => this.describeRecentRequests());
  }

  /** Like waitForRequest but also waits until the emulator has answered it (`response` is set). */
  waitForResponse(predicate: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
    const match = compileMatcher(predicate);
    return this.waitUntil(() => this.requests.find((r) => r.response !== undefined && match(r)), timeoutMs, () =>
      this.describeRecentRequests(),
    );
  }

  requestsMatching(predicate: RequestMatcher): RecordedRequest[] {
    return this.requests.filter(compileMatcher(predicate));
  }

  waitForGatewayFrame(predicate: (f: GatewayFrame) => boolean, timeoutMs = 5000): Promise<GatewayFrame> {
    return this.waitUntil(() => this.gatewayFrames.find(predicate), timeoutMs, () => 'a matching gateway frame');
  }

  /** Resolves once a session is identified and READY + GUILD_CREATE were sent on an open connection. */
  waitForReady(timeoutMs = 5000): Promise<{ sessionId: string }> {
    return this.waitUntil(
      () => {
        const s = [...this.sessions.values()].find((x) => x.ready && x.connection);
        return s ? { sessionId: s.id } : undefined;
      },
      timeoutMs,
      () => 'a ready gateway session',
    );
  }

  /** Resolves once `resumeCount` reaches `count` (default: one more than now) and RESUMED was sent. */
  waitForResume(count = this.resumeCount + 1, timeoutMs = 5000): Promise<void> {
    return this.waitUntil(() => (this.resumeCount >= count ? true : undefined), timeoutMs, () => `resume #${count}`).then(() => undefined);
  }

  /** The callback request for an interaction (first one received). */
  waitForInteractionCallback(interaction: { id: string } | string, timeoutMs = 5000): Promise<RecordedRequest> {
    const id = typeof interaction === 'string' ? interaction : interaction.id;
    return this.waitForResponse((r) => r.route === 'POST /interactions/:interactionId/:token/callback' && r.params.interactionId === id, timeoutMs);
  }

  // -------------------------------------------------------------------------
  // fault injection

  /** Delay responses of matching routes (before auth and handling). Returns a function removing the delay. */
  setDelay(matcher: RequestMatcher, ms: number): () => void {
    const entry = { match: compileMatcher(matcher), ms };
    this.delays.push(entry);
    return () => {
      const i = this.delays.indexOf(entry);
      if (i !== -1) this.delays.splice(i, 1);
    };
  }

  clearDelays(): void {
    this.delays.length = 0;
  }

  /**
   * Holds matching requests unanswered until the returned function is called (or the emulator
   * stops): a request "still on its way" for as long as a test needs, whatever the machine's speed.
   */
  hold(matcher: RequestMatcher): () => void {
    let release!: () => void;
    const entry = { match: compileMatcher(matcher), released: new Promise<void>((resolve) => (release = resolve)) };
    this.holds.push(entry);
    return () => {
      const i = this.holds.indexOf(entry);
      if (i !== -1) this.holds.splice(i, 1);
      release();
    };
  }

  /**
   * Answer the next `times` (default 1) matching requests with `reply` instead of handling them;
   * with `afterHandling`, the request is applied first and only its answer is replaced (Discord
   * sometimes answers 500 to a callback it did apply: the client's retry then gets 40060).
   */
  injectResponse(matcher: RequestMatcher, reply: ApiReply & { times?: number; afterHandling?: boolean }): () => void {
    const entry = { match: compileMatcher(matcher), reply, remaining: reply.times ?? 1, afterHandling: reply.afterHandling ?? false };
    this.injections.push(entry);
    return () => {
      entry.remaining = 0;
    };
  }

  /** A Discord-shaped 429 for the next matching request; @discordjs/rest waits `retryAfterSeconds` and retries. */
  rateLimitOnce(matcher: RequestMatcher, retryAfterSeconds = 0.05): () => void {
    return this.injectResponse(matcher, {
      status: 429,
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfterSeconds),
        'x-ratelimit-bucket': randomBytes(8).toString('hex'),
        'x-ratelimit-scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false, code: 0 },
    });
  }

  // -------------------------------------------------------------------------
  // HTTP

  private sendReply(res: ServerResponse, reply: ApiReply): void {
    if (reply.body === undefined) {
      res.writeHead(reply.status, reply.headers ?? {});
      res.end();
      return;
    }
    const json = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(json);
  }

  /**
   * JSON only: the bot sends no files, so multipart bodies (uploads) are not emulated and are
   * refused like a malformed body.
   */
  private parseBody(raw: Buffer, contentType: string): { body: Json; invalid: boolean } {
    if (raw.length === 0) return { body: undefined, invalid: false };
    const text = raw.toString('utf8');
    if (contentType.startsWith('application/json')) {
      try {
        return { body: JSON.parse(text), invalid: false };
      } catch {
        return { body: text, invalid: true };
      }
    }
    return { body: text, invalid: contentType.startsWith('multipart/') };
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = url.pathname.startsWith('/api/v10/');
    const rawPath = versioned ? url.pathname.slice('/api/v10'.length) : url.pathname;
    // discord.js percent-encodes segments (`%40original`, emojis); tests read and match decoded paths.
    const path = rawPath
      .split('/')
      .map((seg) => {
        try {
          return decodeURIComponent(seg);
        } catch {
          return seg;
        }
      })
      .join('/');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const { body, invalid } = this.parseBody(raw, headers['content-type'] ?? '');

    let route: Route | undefined;
    let params: Record<string, string> = {};
    if (versioned) {
      for (const r of this.routes) {
        if (r.method !== method) continue;
        const m = r.regex.exec(path);
        if (!m) continue;
        route = r;
        params = Object.fromEntries(r.keys.map((k, i) => [k, m[i + 1] ?? '']));
        break;
      }
    }
    const recorded: RecordedRequest = {
      seq: this.requests.length + 1,
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      route: route ? `${route.method} ${route.template}` : null,
      params,
      at: Date.now(),
    };
    this.requests.push(recorded);
    this.debug(`${method} ${path}`);
    this.changed();

    let reply: ApiReply | null;
    try {
      reply = await this.handle(recorded, route, invalid);
    } catch (error) {
      this.debug(`internal error on ${method} ${path}: ${String(error)}`);
      reply = { status: 500, body: { message: `500: Internal Server Error (emulator: ${String(error)})`, code: 0 } };
    }
    if (reply === null) {
      res.destroy();
      return;
    }
    recorded.response = { status: reply.status, body: reply.body };
    this.sendReply(res, reply);
    this.changed();
  }

  /** Returns null when the emulator stopped while the request was delayed. */
  private async handle(req: RecordedRequest, route: Route | undefined, invalidBody: boolean): Promise<ApiReply | null> {
    const delay = Math.max(0, ...this.delays.filter((d) => d.match(req)).map((d) => d.ms));
    if (delay > 0) {
      try {
        await sleep(delay, undefined, { signal: this.stopController.signal });
      } catch {
        return null;
      }
    }
    const held = this.holds.filter((h) => h.match(req));
    if (held.length) {
      const stopped = new Promise<'stopped'>((resolve) => this.stopController.signal.addEventListener('abort', () => resolve('stopped'), { once: true }));
      if ((await Promise.race([Promise.all(held.map((h) => h.released)), stopped])) === 'stopped') return null;
    }
    const injection = this.injections.find((i) => i.remaining > 0 && i.match(req));
    if (injection) injection.remaining--;
    if (injection && !injection.afterHandling) return injection.reply;
    let reply: ApiReply;
    try {
      if (!route) throw Errors.notFound();
      if (route.auth && req.headers.authorization !== `Bot ${this.token}`) throw Errors.unauthorized();
      if (invalidBody) throw Errors.invalidJson();
      reply = await route.handler({ req, params: req.params, body: req.body });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply = error.toReply();
    }
    return injection ? injection.reply : reply;
  }

  private route(method: string, template: string, auth: boolean, handler: Route['handler']): void {
    const { regex, keys } = compilePattern(template);
    this.routes.push({ method, template, regex, keys, auth, handler });
  }

  private registerRoutes(): void {
    const ok = (body: unknown): ApiReply => ({ status: 200, body });
    const noContent: ApiReply = { status: 204 };

    // gateway discovery
    this.route('GET', '/gateway', false, () => ok({ url: this.gatewayUrl }));
    this.route('GET', '/gateway/bot', true, () =>
      ok({
        url: this.gatewayUrl,
        shards: this.options.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: Math.max(0, 1000 - this.identifyCount),
          reset_after: 0,
          max_concurrency: this.options.maxConcurrency,
        },
      }),
    );

    // users, application, guild
    this.route('GET', '/users/@me', true, () => ok({ ...this.botUser, verified: true, mfa_enabled: false, email: null }));
    this.route('GET', '/users/:userId', true, ({ params }) => ok(findUser(this.world, params.userId ?? '') ?? throwError(Errors.unknownUser())));
    this.route('GET', '/applications/@me', true, () => ok(applicationObject(this.world)));
    this.route('GET', '/oauth2/applications/@me', true, () => ok(applicationObject(this.world)));
    this.route('GET', '/guilds/:guildId', true, ({ params, req }) => {
      this.requireGuild(params.guildId);
      const counts = req.query.with_counts === 'true' ? { approximate_member_count: 3, approximate_presence_count: 0 } : {};
      return ok({ ...guildObject(this.world), ...counts });
    });
    this.route('GET', '/guilds/:guildId/channels', true, ({ params }) => {
      this.requireGuild(params.guildId);
      return ok(this.world.channels.map((c) => structuredClone(c)));
    });
    this.route('GET', '/guilds/:guildId/roles', true, ({ params }) => {
      this.requireGuild(params.guildId);
      return ok(structuredClone(this.world.roles));
    });
    this.route('GET', '/guilds/:guildId/members/:userId', true, ({ params }) => {
      this.requireGuild(params.guildId);
      const user = findUser(this.world, params.userId ?? '');
      if (!user) throw new ApiError(404, 10007, 'Unknown Member');
      return ok(guildMember(this.world, user));
    });

    // application commands
    for (const scope of ['', '/guilds/:guildId'] as const) {
      const base = `/applications/:applicationId${scope}/commands`;
      this.route('GET', base, true, ({ params }) => ok(this.commandList(params)));
      this.route('PUT', base, true, ({ params, body }) => ok(this.overwriteCommands(params, body)));
      this.route('POST', base, true, ({ params, body }) => {
        const list = this.commandList(params);
        const existed = list.some((c) => c.name === body?.name && c.type === (body?.type ?? ApplicationCommandType.ChatInput));
        if (this.options.validate) validateCommands([body], true);
        const [cmd] = this.upsertCommands(list, [body], params.guildId, false);
        return { status: existed ? 200 : 201, body: cmd };
      });
      this.route('GET', `${base}/:commandId`, true, ({ params }) => {
        return ok(this.commandList(params).find((c) => c.id === params.commandId) ?? throwError(Errors.unknownCommand()));
      });
      this.route('DELETE', `${base}/:commandId`, true, ({ params }) => {
        const list = this.commandList(params);
        const i = list.findIndex((c) => c.id === params.commandId);
        if (i === -1) throw Errors.unknownCommand();
        list.splice(i, 1);
        return noContent;
      });
    }

    // interactions (authenticated by the token in the URL, not by the bot token)
    this.route('POST', '/interactions/:interactionId/:token/callback', false, (ctx) => this.interactionCallback(ctx));
    this.route('POST', '/webhooks/:applicationId/:token', false, (ctx) => this.createFollowup(ctx));
    this.route('GET', '/webhooks/:applicationId/:token/messages/:messageId', false, ({ params }) => {
      const rec = this.webhookInteraction(params);
      return ok(this.interactionMessage(rec, params.messageId ?? ''));
    });
    this.route('PATCH', '/webhooks/:applicationId/:token/messages/:messageId', false, (ctx) => this.editInteractionMessage(ctx));
    this.route('DELETE', '/webhooks/:applicationId/:token/messages/:messageId', false, ({ params }) => {
      const rec = this.webhookInteraction(params);
      const msg = this.interactionMessage(rec, params.messageId ?? '');
      this.deleteMessage(msg);
      return noContent;
    });

    // channels
    this.route('GET', '/channels/:channelId', true, ({ params }) => ok(this.channelView(params.channelId ?? '')));
    this.route('POST', '/channels/:channelId/messages', true, (ctx) => this.createChannelMessage(ctx));
    this.route('GET', '/channels/:channelId/messages', true, ({ params, req }) => {
      const channelId = this.requireTextChannel(params.channelId, PermissionFlagsBits.ReadMessageHistory);
      const limit = Math.min(100, Number(req.query.limit ?? 50) || 50);
      const list = [...this.messages.values()].filter((m) => m.channel_id === channelId).reverse();
      return ok(list.slice(0, limit));
    });
    this.route('GET', '/channels/:channelId/messages/:messageId', true, ({ params }) => {
      this.requireTextChannel(params.channelId, PermissionFlagsBits.ReadMessageHistory);
      return ok(this.channelMessage(params.channelId, params.messageId));
    });
    this.route('PATCH', '/channels/:channelId/messages/:messageId', true, ({ params, body }) => {
      this.requireTextChannel(params.channelId);
      const msg = this.channelMessage(params.channelId, params.messageId);
      if (msg.author.id !== this.botUserId) throw Errors.cannotEditOthers();
      return ok(this.applyEdit(msg, body));
    });
    this.route('DELETE', '/channels/:channelId/messages/:messageId', true, ({ params }) => {
      const channelId = this.requireTextChannel(params.channelId);
      const msg = this.channelMessage(channelId, params.messageId);
      if (msg.author.id !== this.botUserId && channelId !== this.dmChannelId) {
        if (!(computePermissions(this.world, this.botUserId, channelId) & PermissionFlagsBits.ManageMessages)) throw Errors.missingPermissions();
      }
      this.deleteMessage(msg);
      return noContent;
    });
    this.route('POST', '/channels/:channelId/typing', true, ({ params }) => {
      this.requireTextChannel(params.channelId, PermissionFlagsBits.SendMessages);
      return noContent;
    });
    for (const method of ['PUT', 'DELETE']) {
      this.route(method, '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', true, ({ params }) => {
        this.requireTextChannel(params.channelId, PermissionFlagsBits.ReadMessageHistory, ...(method === 'PUT' ? [PermissionFlagsBits.AddReactions] : []));
        const msg = this.channelMessage(params.channelId, params.messageId);
        const name = params.emoji ?? '';
        const reactions = (msg.reactions ??= []);
        const existing = reactions.find((r) => r.emoji.name === name || `${r.emoji.name}:${r.emoji.id}` === name);
        if (method === 'PUT' && !existing) {
          reactions.push({
            count: 1,
            count_details: { burst: 0, normal: 1 },
            me: true,
            me_burst: false,
            burst_colors: [],
            emoji: { id: null, name },
          });
        } else if (method === 'DELETE' && existing) {
          reactions.splice(reactions.indexOf(existing), 1);
        }
        return noContent;
      });
    }
  }

  // -------------------------------------------------------------------------
  // REST helpers

  private requireGuild(guildId: string | undefined): void {
    if (guildId !== this.guildId) throw Errors.unknownGuild();
  }

  private channelView(channelId: string): Json {
    if (channelId === this.dmChannelId) {
      return { id: channelId, type: ChannelType.DM, recipients: [this.user], last_message_id: null, flags: 0 };
    }
    if (!findChannel(this.world, channelId)) throw Errors.unknownChannel();
    if (!(computePermissions(this.world, this.botUserId, channelId) & PermissionFlagsBits.ViewChannel)) throw Errors.missingAccess();
    return channelObject(this.world, channelId);
  }

  /** Throws Discord's errors for unknown/non-text channels and missing permissions; returns the channel id. */
  private requireTextChannel(channelId: string | undefined, ...perms: bigint[]): string {
    const id = channelId ?? '';
    if (id === this.dmChannelId) return id;
    const channel = findChannel(this.world, id);
    if (!channel) throw Errors.unknownChannel();
    const granted = computePermissions(this.world, this.botUserId, id);
    if (!(granted & PermissionFlagsBits.ViewChannel)) throw Errors.missingAccess();
    if (channel.type !== ChannelType.GuildText) throw new ApiError(400, 50008, 'Cannot send messages in a non-text channel');
    for (const p of perms) if (!(granted & p)) throw Errors.missingPermissions();
    return id;
  }

  private channelMessage(channelId: string | undefined, messageId: string | undefined): APIMessage {
    const msg = this.messages.get(messageId ?? '');
    if (!msg || msg.channel_id !== channelId) throw Errors.unknownMessage();
    return msg;
  }

  private buildBotMessage(
    body: Json,
    opts: { channelId: string; type: MessageType; flags: number; reference?: APIMessage; interaction?: InteractionRecord; id?: string },
  ): APIMessage {
    const content = typeof body?.content === 'string' ? body.content : '';
    const { mentions, mention_roles, mention_everyone } = deriveMentions(this.world, {
      content,
      authorId: this.botUserId,
      channelId: opts.channelId,
      allowedMentions: body?.allowed_mentions,
      repliedUser: opts.reference?.author,
      withMembers: false,
    });
    const msg: APIMessage = {
      id: opts.id ?? snowflake(),
      type: opts.type,
      channel_id: opts.channelId,
      author: this.botUser,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: Boolean(body?.tts),
      mentions,
      mention_roles,
      mention_everyone,
      mention_channels: [],
      attachments: [],
      embeds: Array.isArray(body?.embeds) ? body.embeds : [],
      components: Array.isArray(body?.components) ? body.components : [],
      pinned: false,
      flags: opts.flags,
    };
    if (body?.nonce !== undefined) msg.nonce = body.nonce;
    if (opts.reference) {
      msg.message_reference = {
        type: 0,
        message_id: opts.reference.id,
        channel_id: opts.reference.channel_id,
        ...(opts.channelId === this.dmChannelId ? {} : { guild_id: this.guildId }),
      };
      msg.referenced_message = opts.reference;
    }
    const rec = opts.interaction;
    if (rec) {
      const invoker = (rec.payload.member?.user ?? rec.payload.user) as APIUser;
      msg.webhook_id = this.applicationId;
      msg.application_id = this.applicationId;
      msg.interaction_metadata = {
        id: rec.id,
        type: rec.type,
        user: invoker,
        authorizing_integration_owners: rec.payload.authorizing_integration_owners,
      } as APIMessage['interaction_metadata'];
      const name = (rec.payload.data as { name?: string } | undefined)?.name;
      if (name) msg.interaction = { id: rec.id, type: rec.type, name, user: invoker };
    }
    return msg;
  }

  /** Merge an edit body into a stored message, the way PATCH message endpoints behave. */
  private applyEdit(msg: APIMessage, body: Json, opts: { finishLoading?: boolean } = {}): APIMessage {
    if (this.options.validate) validateMessage(body, [], { create: false, fileCount: 0 });
    const b = body ?? {};
    if (typeof b.content === 'string' || b.content === null) {
      msg.content = b.content ?? '';
      const derived = deriveMentions(this.world, {
        content: msg.content,
        authorId: this.botUserId,
        channelId: msg.channel_id,
        allowedMentions: b.allowed_mentions,
        withMembers: false,
      });
      Object.assign(msg, derived);
    }
    if (Array.isArray(b.embeds) || b.embeds === null) msg.embeds = b.embeds ?? [];
    if (Array.isArray(b.components) || b.components === null) msg.components = b.components ?? [];
    if (typeof b.flags === 'number') msg.flags = (((msg.flags ?? 0) & ~SETTABLE_MESSAGE_FLAGS) | (b.flags & SETTABLE_MESSAGE_FLAGS)) as MessageFlags;
    const wasLoading = ((msg.flags ?? 0) & MessageFlags.Loading) !== 0;
    if (wasLoading && opts.finishLoading) msg.flags = ((msg.flags ?? 0) & ~MessageFlags.Loading) as MessageFlags;
    // Filling in a deferred response is not shown as an edit.
    else msg.edited_timestamp = new Date().toISOString();
    const empty = !msg.content && !msg.embeds.length && !(msg.components?.length ?? 0) && !msg.attachments.length;
    if (empty && this.options.validate) throw Errors.emptyMessage();
    this.echo(GatewayDispatchEvents.MessageUpdate, msg);
    return msg;
  }

  private deleteMessage(msg: APIMessage): void {
    this.messages.delete(msg.id);
    if (isEphemeral(msg) || !this.options.echoBotMessages) return;
    this.dispatch(GatewayDispatchEvents.MessageDelete, {
      id: msg.id,
      channel_id: msg.channel_id,
      ...(msg.channel_id === this.dmChannelId ? {} : { guild_id: this.guildId }),
    });
  }

  /** Gateway echo of the bot's own (non-ephemeral) messages, as Discord sends them. */
  private echo(t: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate, msg: APIMessage): void {
    if (!this.options.echoBotMessages || isEphemeral(msg)) return;
    const inGuild = msg.channel_id !== this.dmChannelId;
    const { user: _user, ...member } = guildMember(this.world, this.botUser);
    const payload: GatewayMessageCreateDispatchData = {
      ...(JSON.parse(JSON.stringify(msg)) as APIMessage),
      mentions: msg.mentions.map((u) => {
        if (!inGuild) return u;
        const { user: _u, ...m } = guildMember(this.world, u);
        return { ...u, member: m };
      }),
      ...(inGuild ? { guild_id: this.guildId, member, channel_type: ChannelType.GuildText } : { channel_type: ChannelType.DM }),
    };
    this.dispatch(t, payload);
  }

  private createChannelMessage({ params, body }: RouteContext): ApiReply {
    const perms = [PermissionFlagsBits.SendMessages];
    const refId: string | undefined = body?.message_reference?.message_id;
    if (refId && (body?.message_reference?.type ?? 0) === 0) perms.push(PermissionFlagsBits.ReadMessageHistory);
    const channelId = this.requireTextChannel(params.channelId, ...perms);
    if (this.options.validate) validateMessage(body, [], { create: true, fileCount: 0 });
    let reference: APIMessage | undefined;
    if (refId) {
      reference = this.messages.get(refId);
      if (!reference && body?.message_reference?.fail_if_not_exists !== false) {
        const errors = new FormErrors();
        errors.add(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
        errors.throwIfAny();
      }
    }
    const msg = this.buildBotMessage(body, {
      channelId,
      type: reference ? MessageType.Reply : MessageType.Default,
      flags: Number(body?.flags ?? 0) & SETTABLE_MESSAGE_FLAGS,
      ...(reference ? { reference } : {}),
    });
    this.messages.set(msg.id, msg);
    this.echo(GatewayDispatchEvents.MessageCreate, msg);
    return { status: 200, body: msg };
  }

  // -------------------------------------------------------------------------
  // commands

  private commandList(params: Record<string, string>): APIApplicationCommand[] {
    if (params.applicationId !== this.applicationId) throw Errors.notAuthorizedForApplication();
    if (params.guildId === undefined) return this.globalCommands;
    this.requireGuild(params.guildId);
    let list = this.guildCommands.get(params.guildId);
    if (!list) this.guildCommands.set(params.guildId, (list = []));
    return list;
  }

  private overwriteCommands(params: Record<string, string>, body: Json): APIApplicationCommand[] {
    const list = this.commandList(params);
    if (!Array.isArray(body)) {
      const errors = new FormErrors();
      errors.add([], 'LIST_TYPE_CONVERT', 'Must be an array.');
      errors.throwIfAny();
    }
    if (this.options.validate) validateCommands(body);
    return this.upsertCommands(list, body, params.guildId, true);
  }

  /** Bulk overwrite keeps the id of a command with the same name and type, as Discord does. */
  private upsertCommands(list: APIApplicationCommand[], bodies: Json[], guildId: string | undefined, replaceAll: boolean): APIApplicationCommand[] {
    const result = bodies.map((b): APIApplicationCommand => {
      const type = b?.type ?? ApplicationCommandType.ChatInput;
      const previous = list.find((c) => c.name === b?.name && c.type === type);
      const cmd: APIApplicationCommand = {
        id: previous?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        type,
        name: String(b?.name ?? ''),
        name_localizations: b?.name_localizations ?? null,
        description: type === ApplicationCommandType.ChatInput ? String(b?.description ?? '') : '',
        description_localizations: b?.description_localizations ?? null,
        default_member_permissions: b?.default_member_permissions ?? null,
        nsfw: Boolean(b?.nsfw),
        integration_types: b?.integration_types ?? [0],
        contexts: b?.contexts ?? null,
        ...(b?.options !== undefined ? { options: b.options } : {}),
        ...(guildId ? { guild_id: guildId } : { dm_permission: b?.dm_permission ?? true }),
      };
      // Discord only bumps `version` when the command changed.
      if (previous && JSON.stringify({ ...previous, version: '' }) === JSON.stringify({ ...cmd, version: '' })) cmd.version = previous.version;
      return cmd;
    });
    if (replaceAll) list.length = 0;
    for (const cmd of result) {
      const i = list.findIndex((c) => c.id === cmd.id);
      if (i === -1) list.push(cmd);
      else list[i] = cmd;
    }
    return result;
  }

  // -------------------------------------------------------------------------
  // interactions

  private interactionCallback({ params, body, req }: RouteContext): ApiReply {
    const rec = this.interactions.get(params.interactionId ?? '');
    if (!rec || rec.token !== params.token) throw Errors.unknownInteraction();
    if (rec.acknowledged) throw Errors.alreadyAcknowledged();
    const deadline = this.options.interactionDeadlineMs;
    // Past the deadline Discord has already shown "The application did not respond" and forgets the
    // interaction. Discord counts from the interaction's creation (its snowflake), not from delivery.
    if (deadline > 0 && Date.now() - rec.createdAt > deadline) throw Errors.unknownInteraction();

    const type = Number(body?.type) as InteractionResponseType;
    const allowed: Record<number, InteractionResponseType[]> = {
      [InteractionType.ApplicationCommand]: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
      ],
      [InteractionType.MessageComponent]: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
      ],
      [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
    };
    if (!(allowed[rec.type] ?? []).includes(type)) {
      const errors = new FormErrors();
      errors.add(['type'], 'INTERACTION_CALLBACK_TYPE_INVALID', `Interaction callback type ${String(body?.type)} is not valid for interaction type ${rec.type}`);
      errors.throwIfAny();
    }

    const data = body?.data ?? {};
    const channelId = rec.payload.channel?.id ?? rec.payload.channel_id ?? this.channelId;
    const commandType = (rec.payload.data as { type?: number } | undefined)?.type;
    const responseMessageType =
      rec.type !== InteractionType.ApplicationCommand
        ? MessageType.Default
        : commandType === ApplicationCommandType.ChatInput
          ? MessageType.ChatInputCommand
          : MessageType.ContextMenuCommand;
    const componentMessage = (): APIMessage | undefined => {
      const m = rec.payload.message;
      return m ? (this.messages.get(m.id) ?? (this.messages.set(m.id, structuredClone(m)), this.messages.get(m.id))) : undefined;
    };
    let message: APIMessage | undefined;

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        if (this.options.validate) validateMessage(data, ['data'], { create: true, fileCount: 0 });
        const flags = Number(data.flags ?? 0) & (SETTABLE_MESSAGE_FLAGS | MessageFlags.Ephemeral);
        message = this.buildBotMessage(data, { channelId, type: responseMessageType, flags, interaction: rec });
        this.messages.set(message.id, message);
        rec.originalMessageId = message.id;
        this.echo(GatewayDispatchEvents.MessageCreate, message);
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = MessageFlags.Loading | (Number(data.flags ?? 0) & MessageFlags.Ephemeral);
        message = this.buildBotMessage({}, { channelId, type: responseMessageType, flags, interaction: rec });
        this.messages.set(message.id, message);
        rec.originalMessageId = message.id;
        rec.loading = true;
        this.echo(GatewayDispatchEvents.MessageCreate, message);
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate: {
        message = componentMessage();
        rec.originalMessageId = message?.id ?? null;
        break;
      }
      case InteractionResponseType.UpdateMessage: {
        const target = componentMessage();
        if (!target) throw Errors.unknownMessage();
        message = this.applyEdit(target, data);
        rec.originalMessageId = message.id;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (this.options.validate) validateAutocompleteChoices(body);
        break;
      }
    }

    rec.acknowledged = true;
    rec.acknowledgedAt = Date.now();
    rec.callbackType = type;
    rec.callbackData = body?.data;
    this.changed();

    if (req.query.with_response !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: rec.id,
          type: rec.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: rec.loading,
                response_message_ephemeral: isEphemeral(message),
              }
            : {}),
        },
        resource: { type, ...(message ? { message } : {}) },
      },
    };
  }

  private webhookInteraction(params: Record<string, string>): InteractionRecord {
    if (params.applicationId !== this.applicationId) throw Errors.unknownWebhook();
    const rec = this.interactionsByToken.get(params.token ?? '');
    if (!rec) throw Errors.unknownWebhook();
    if (Date.now() - rec.dispatchedAt > WEBHOOK_TOKEN_LIFETIME_MS) throw Errors.invalidWebhookToken();
    // The interaction webhook only exists once the interaction has been acknowledged.
    if (!rec.acknowledged) throw Errors.unknownWebhook();
    return rec;
  }

  private interactionMessage(rec: InteractionRecord, messageId: string): APIMessage {
    const id = messageId === '@original' ? rec.originalMessageId : messageId;
    const msg = id ? this.messages.get(id) : undefined;
    if (!msg || (id !== rec.originalMessageId && !rec.followupIds.includes(id ?? ''))) throw Errors.unknownMessage();
    return msg;
  }

  private createFollowup({ params, body, req }: RouteContext): ApiReply {
    const rec = this.webhookInteraction(params);
    if (this.options.validate) validateMessage(body, [], { create: true, fileCount: 0 });
    let msg: APIMessage;
    const original = rec.originalMessageId ? this.messages.get(rec.originalMessageId) : undefined;
    if (rec.loading && original) {
      // The first follow-up after a type-5 deferral fills in the "thinking..." message (keeping its ephemerality).
      msg = this.applyEdit(original, body, { finishLoading: true });
      rec.loading = false;
    } else {
      const channelId = rec.payload.channel?.id ?? rec.payload.channel_id ?? this.channelId;
      const flags = Number(body?.flags ?? 0) & (SETTABLE_MESSAGE_FLAGS | MessageFlags.Ephemeral);
      msg = this.buildBotMessage(body, { channelId, type: MessageType.Default, flags, interaction: rec });
      this.messages.set(msg.id, msg);
      rec.followupIds.push(msg.id);
      this.echo(GatewayDispatchEvents.MessageCreate, msg);
    }
    this.changed();
    return req.query.wait === 'true' ? { status: 200, body: msg } : { status: 204 };
  }

  private editInteractionMessage({ params, body }: RouteContext): ApiReply {
    const rec = this.webhookInteraction(params);
    const msg = this.interactionMessage(rec, params.messageId ?? '');
    const finishing = rec.loading && msg.id === rec.originalMessageId;
    this.applyEdit(msg, body, { finishLoading: finishing });
    if (finishing) rec.loading = false;
    this.changed();
    return { status: 200, body: msg };
  }

  /** The interaction as the emulator tracks it (acknowledgement, callback, original message, follow-ups). */
  interaction(id: string): InteractionRecord | undefined {
    return this.interactions.get(id);
  }

  /** What the user currently sees as the interaction's original response. */
  originalResponse(interactionId: string): APIMessage | undefined {
    const id = this.interactions.get(interactionId)?.originalMessageId;
    return id ? this.messages.get(id) : undefined;
  }

  followups(interactionId: string): APIMessage[] {
    const rec = this.interactions.get(interactionId);
    return (rec?.followupIds ?? []).map((id) => this.messages.get(id)).filter((m): m is APIMessage => m !== undefined);
  }

  // -------------------------------------------------------------------------
  // gateway

  private sendFrame(conn: Connection, payload: { op: number; d: Json; s: number | null; t: string | null }): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(JSON.stringify(payload));
    this.gatewayFrames.push({ direction: 'out', connectionId: conn.id, sessionId: conn.session?.id ?? null, ...payload, at: Date.now() });
    this.changed();
  }

  private sendOp(conn: Connection, op: GatewayOpcodes, d: Json): void {
    this.sendFrame(conn, { op, d, s: null, t: null });
  }

  private closeConnection(conn: Connection, code: number, reason: string): void {
    conn.closedByServer = true;
    this.debug(`closing gateway connection #${conn.id}: ${code} ${reason}`);
    conn.ws.close(code, reason);
  }

  private onGatewayConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const conn: Connection = { id: ++this.connectionCounter, ws, path: url.pathname, session: null, closedByServer: false };
    this.connections.add(conn);
    ws.on('message', (data, isBinary) => this.onGatewayMessage(conn, data, isBinary));
    ws.on('close', (code) => this.onGatewayClose(conn, code));
    ws.on('error', (error) => this.debug(`gateway socket error: ${error.message}`));
    if (url.searchParams.get('v') !== '10') {
      this.closeConnection(conn, GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    // Only JSON is implemented; `compress=zlib-stream` is ignored because discord.js parses text frames as plain JSON anyway.
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      this.closeConnection(conn, GatewayCloseCodes.DecodeError, 'Only encoding=json is emulated');
      return;
    }
    this.sendOp(conn, GatewayOpcodes.Hello, { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["discord-emulator"]'] });
  }

  private onGatewayClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    const session = conn.session;
    if (session && session.connection === conn) {
      session.connection = null;
      // A client closing with 1000/1001 ends its session on Discord's side; other codes keep it resumable.
      if (!conn.closedByServer && (code === 1000 || code === 1001)) this.sessions.delete(session.id);
    }
    this.debug(`gateway connection #${conn.id} closed (${code})`);
    this.changed();
  }

  private onGatewayMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    let payload: Json;
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(data.toString());
    } catch {
      this.closeConnection(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.gatewayFrames.push({
      direction: 'in',
      connectionId: conn.id,
      sessionId: conn.session?.id ?? null,
      op: payload?.op,
      t: payload?.t ?? null,
      s: payload?.s ?? null,
      d: payload?.d,
      at: Date.now(),
    });
    this.changed();
    switch (payload?.op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeatCount++;
        if (this.ackHeartbeats) this.sendOp(conn, GatewayOpcodes.HeartbeatAck, null);
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(conn, payload.d ?? {});
        return;
      case GatewayOpcodes.Resume:
        this.onResume(conn, payload.d ?? {});
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!conn.session) this.closeConnection(conn, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (!conn.session) this.closeConnection(conn, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        else this.onRequestGuildMembers(conn.session, payload.d ?? {});
        return;
      default:
        this.closeConnection(conn, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private onIdentify(conn: Connection, d: Json): void {
    if (conn.session) return this.closeConnection(conn, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
    if (d.token !== this.token) return this.closeConnection(conn, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || (intents & ~KNOWN_INTENTS) !== 0) {
      return this.closeConnection(conn, GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    }
    if (intents & PRIVILEGED_INTENTS & ~this.options.allowedPrivilegedIntents) {
      return this.closeConnection(conn, GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
    }
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
      return this.closeConnection(conn, GatewayCloseCodes.InvalidShard, 'Invalid shard.');
    }
    this.identifies.push(d);
    this.identifyCount++;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      token: d.token,
      intents,
      shard,
      seq: 0,
      log: [],
      connection: conn,
      ready: false,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    const ownsGuild = this.ownsGuild(session, this.guildId);
    this.push(session, GatewayDispatchEvents.Ready, readyPayload(this.world, session.id, this.gatewayUrl, shard, ownsGuild ? [this.guildId] : []));
    if (ownsGuild) {
      // Through the normal routing so that the GUILDS intent is honoured.
      const guild = this.prepareForSession(session, GatewayDispatchEvents.GuildCreate, guildCreatePayload(this.world));
      if (guild !== null) this.push(session, GatewayDispatchEvents.GuildCreate, guild);
    }
    session.ready = true;
    this.debug(`session ${session.id} identified (intents ${intents}, shard ${shard.join('/')})`);
    this.changed();
  }

  private onResume(conn: Connection, d: Json): void {
    if (conn.session) return this.closeConnection(conn, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
    const session = this.sessions.get(String(d.session_id));
    const seq = Number(d.seq ?? 0);
    const oldest = session?.log[0]?.s ?? 1;
    if (!session || d.token !== session.token || seq < oldest - 1) {
      this.failedResumeCount++;
      this.sendOp(conn, GatewayOpcodes.InvalidSession, false);
      return;
    }
    if (seq > session.seq) return this.closeConnection(conn, GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
    if (session.connection && session.connection !== conn) session.connection.session = null;
    session.connection = conn;
    conn.session = session;
    this.resumeCount++;
    for (const ev of session.log) {
      if (ev.s > seq) this.sendFrame(conn, { op: GatewayOpcodes.Dispatch, t: ev.t, s: ev.s, d: ev.d });
    }
    this.push(session, GatewayDispatchEvents.Resumed, { _trace: ['["discord-emulator"]'] });
    this.debug(`session ${session.id} resumed from seq ${seq}`);
    this.changed();
  }

  private onRequestGuildMembers(session: Session, d: Json): void {
    const members = worldUsers(this.world)
      .filter((u) => {
        if (Array.isArray(d.user_ids)) return d.user_ids.includes(u.id);
        if (typeof d.user_ids === 'string') return d.user_ids === u.id;
        const q = String(d.query ?? '').toLowerCase();
        return u.username.toLowerCase().startsWith(q);
      })
      .slice(0, d.limit ? Number(d.limit) : undefined)
      .map((u) => guildMember(this.world, u));
    this.push(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: d.guild_id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
    });
  }

  /** Sequence, log (for RESUME replay) and send if the session has a live connection. */
  private push(session: Session, t: string, d: Json): number {
    const s = ++session.seq;
    session.log.push({ s, t, d });
    if (session.log.length > SESSION_LOG_LIMIT) session.log.shift();
    if (session.connection) this.sendFrame(session.connection, { op: GatewayOpcodes.Dispatch, t, s, d });
    return s;
  }

  private ownsGuild(session: Session, guildId: string): boolean {
    const [id, count] = session.shard;
    return count <= 1 || Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
  }

  /** Shard routing and intent filtering; returns null when this session must not receive the event. */
  private prepareForSession(session: Session, t: string, d: Json): Json | null {
    const guildEvent = t === 'GUILD_CREATE' || t === 'GUILD_UPDATE' || t === 'GUILD_DELETE';
    const guildId: string | undefined = guildEvent ? d?.id : d?.guild_id;
    if (guildId ? !this.ownsGuild(session, guildId) : session.shard[0] !== 0) return null;
    const has = (bit: number) => (session.intents & bit) !== 0;
    const byIntent: Record<string, [guild: number, dm: number]> = {
      MESSAGE_CREATE: [GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      MESSAGE_UPDATE: [GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      MESSAGE_DELETE: [GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      MESSAGE_DELETE_BULK: [GatewayIntentBits.GuildMessages, 0],
      TYPING_START: [GatewayIntentBits.GuildMessageTyping, GatewayIntentBits.DirectMessageTyping],
      MESSAGE_REACTION_ADD: [GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessageReactions],
      MESSAGE_REACTION_REMOVE: [GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessageReactions],
      GUILD_CREATE: [GatewayIntentBits.Guilds, 0],
      GUILD_UPDATE: [GatewayIntentBits.Guilds, 0],
      GUILD_DELETE: [GatewayIntentBits.Guilds, 0],
      CHANNEL_CREATE: [GatewayIntentBits.Guilds, 0],
      CHANNEL_UPDATE: [GatewayIntentBits.Guilds, 0],
      CHANNEL_DELETE: [GatewayIntentBits.Guilds, 0],
      GUILD_ROLE_CREATE: [GatewayIntentBits.Guilds, 0],
      GUILD_ROLE_UPDATE: [GatewayIntentBits.Guilds, 0],
      GUILD_ROLE_DELETE: [GatewayIntentBits.Guilds, 0],
      GUILD_MEMBER_ADD: [GatewayIntentBits.GuildMembers, 0],
      GUILD_MEMBER_UPDATE: [GatewayIntentBits.GuildMembers, 0],
      GUILD_MEMBER_REMOVE: [GatewayIntentBits.GuildMembers, 0],
      PRESENCE_UPDATE: [GatewayIntentBits.GuildPresences, 0],
    };
    const needed = byIntent[t];
    if (needed) {
      const bit = guildId ? needed[0] : needed[1];
      if (!bit || !has(bit)) return null;
    }
    if ((t === 'MESSAGE_CREATE' || t === 'MESSAGE_UPDATE') && !has(GatewayIntentBits.MessageContent) && guildId) {
      const mentioned = Array.isArray(d.mentions) && d.mentions.some((u: APIUser) => u.id === this.botUserId);
      if (d.author?.id !== this.botUserId && !mentioned) {
        // Without MESSAGE_CONTENT Discord blanks these fields for guild messages that don't mention the bot.
        return { ...d, content: '', embeds: [], attachments: [], components: [], ...(d.poll ? { poll: undefined } : {}) };
      }
    }
    return d;
  }

  // -------------------------------------------------------------------------
  // test controls

  /**
   * Send a dispatch to every session entitled to it (shard routing + intents), buffering it for
   * RESUME replay when the session is disconnected. Returns how many sessions got it.
   */
  dispatch(t: string, d: Json): number {
    if (t === GatewayDispatchEvents.InteractionCreate) this.registerInteraction(d);
    if (t === GatewayDispatchEvents.MessageCreate && d?.id && !this.messages.has(d.id)) this.messages.set(d.id, toRestMessage(d));
    let count = 0;
    for (const session of this.sessions.values()) {
      const prepared = this.prepareForSession(session, t, d);
      if (prepared === null) continue;
      this.push(session, t, prepared);
      count++;
    }
    return count;
  }

  private registerInteraction(payload: APIInteraction): void {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      payload,
      dispatchedAt: Date.now(),
      createdAt: snowflakeTime(payload.id),
      acknowledged: false,
      acknowledgedAt: null,
      callbackType: null,
      callbackData: undefined,
      originalMessageId: null,
      loading: false,
      followupIds: [],
    };
    this.interactions.set(payload.id, record);
    if (!this.interactionsByToken.has(payload.token)) this.interactionsByToken.set(payload.token, record);
    // Messages the interaction refers to must exist for later edits/replies.
    if (payload.message && !this.messages.has(payload.message.id)) this.messages.set(payload.message.id, structuredClone(payload.message));
    const resolved = (payload.data as { resolved?: { messages?: Record<string, APIMessage> } } | undefined)?.resolved?.messages ?? {};
    for (const m of Object.values(resolved)) if (!this.messages.has(m.id)) this.messages.set(m.id, structuredClone(m));
  }

  private requireSession(what: string): void {
    if (this.sessions.size === 0) throw new Error(`Cannot ${what}: no gateway session (has the client logged in?)`);
  }

  /** INTERACTION_CREATE; starts the interaction's response deadline. Returns the payload. */
  dispatchInteraction<T extends APIInteraction>(payload: T): T {
    this.requireSession('dispatch an interaction');
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return payload;
  }

  /** MESSAGE_CREATE (subject to GUILD_MESSAGES / MESSAGE_CONTENT like on Discord). Returns the payload. */
  dispatchMessage<T extends GatewayMessageCreateDispatchData>(payload: T): T {
    this.requireSession('dispatch a message');
    this.dispatch(GatewayDispatchEvents.MessageCreate, payload);
    return payload;
  }

  /** Close every gateway connection with `code` (4000 = unknown error: discord.js resumes after ~500 ms). */
  dropConnection(code = 4000, reason = 'Emulator dropped the connection'): number {
    let n = 0;
    for (const conn of this.connections) {
      if (conn.ws.readyState !== conn.ws.OPEN) continue;
      this.closeConnection(conn, code, reason);
      n++;
    }
    return n;
  }

  /** Close the gateway connection(s) of one shard only (sharding tests); returns how many were closed. */
  dropShard(shardId: number, code = 4000, reason = 'Emulator dropped the connection'): number {
    let n = 0;
    for (const conn of this.connections) {
      if (conn.ws.readyState !== conn.ws.OPEN || conn.session?.shard[0] !== shardId) continue;
      this.closeConnection(conn, code, reason);
      n++;
    }
    return n;
  }

  /** The shards ([id, count]) with a live, ready session. */
  get liveShards(): [number, number][] {
    return [...this.sessions.values()].filter((s) => s.ready && s.connection).map((s) => [...s.shard] as [number, number]);
  }

  /** op 7 RECONNECT: discord.js closes (4200) and resumes. */
  requestReconnect(): void {
    for (const conn of this.connections) if (conn.session) this.sendOp(conn, GatewayOpcodes.Reconnect, null);
  }

  /** op 9 INVALID_SESSION; when not resumable the sessions are forgotten and the client must IDENTIFY again. */
  invalidateSession(resumable = false): void {
    for (const conn of this.connections) {
      const session = conn.session;
      if (!session) continue;
      // Detach so the same socket may send RESUME/IDENTIFY again.
      conn.session = null;
      if (!resumable) this.sessions.delete(session.id);
      else session.connection = null;
      this.sendOp(conn, GatewayOpcodes.InvalidSession, resumable);
    }
  }

  /** op 1 from the server: the client must heartbeat immediately. */
  requestHeartbeat(): void {
    for (const conn of this.connections) this.sendOp(conn, GatewayOpcodes.Heartbeat, null);
  }

  /** Number of live gateway connections. */
  get connectionCount(): number {
    return [...this.connections].filter((c) => c.ws.readyState === c.ws.OPEN).length;
  }
}

function throwError(error: Error): never {
  throw error;
}
