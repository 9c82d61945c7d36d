import { ApplicationCommandType, DiscordAPIError, MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkQueue } from '../../src/discord/queue.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import { createLogger, scrubSecrets } from '../../src/logger.js';
import { MESSAGES } from '../../src/discord/i18n.js';
import { NO_MENTIONS, Responder, RestPace } from '../../src/discord/respond.js';
import { createRouter } from '../../src/discord/router.js';
import type { BotContext, ChatCommandModule } from '../../src/discord/types.js';
import { LogCapture } from './log-capture.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('log scrubbing', () => {
  it('removes the token and interaction tokens in webhook URLs from any string', () => {
    expect(scrubSecrets(`login failed for ${TOKEN}!`, [TOKEN])).toBe('login failed for [redacted]!');
    expect(scrubSecrets('PATCH /api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb246MTIz-_abc.def/messages/@original', [])).toBe(
      'PATCH /api/v10/webhooks/123456789012345678/[redacted]/messages/@original',
    );
    expect(scrubSecrets('/interactions/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/callback', [])).toBe(
      '/interactions/123456789012345678/[redacted]/callback',
    );
  });

  it('scrubs messages, error messages, stacks and bindings; redacts known keys', () => {
    const logs = new LogCapture();
    const logger = createLogger({ level: 'debug', pretty: false }, { secrets: [TOKEN], destination: logs });
    const error = new Error(`An invalid token was provided: ${TOKEN}`);
    logger.child({ auth: `Bot ${TOKEN}` }).error({ err: error, token: TOKEN, config: { DISCORD_TOKEN: TOKEN } }, `failed with ${TOKEN}`);
    expect(logs.text).not.toContain(TOKEN);
    const [entry] = logs.entries();
    expect(entry.msg).toBe('failed with [redacted]');
    expect(entry.err.message).toBe('An invalid token was provided: [redacted]');
    expect(entry.token).toBe('[redacted]');
    expect(entry.config.DISCORD_TOKEN).toBe('[redacted]');
  });
});

describe('Cooldown', () => {
  it('lets a user through once per window and reports whole seconds left', () => {
    let now = 1_000_000;
    const cooldown = new Cooldown(10, () => now);
    expect(cooldown.take('u1')).toBe(0);
    now += 2500;
    expect(cooldown.take('u1')).toBe(8);
    expect(cooldown.take('u2')).toBe(0);
    now += 7500;
    expect(cooldown.take('u1')).toBe(0);
    expect(new Cooldown(0).take('u1')).toBe(0);
  });
});

/** A stand-in for a discord.js interaction that records the calls the Responder makes (and when, in fake time). */
function fakeInteraction(opts: { delayMs?: number; fail?: Partial<Record<string, unknown>> } = {}) {
  const calls: { method: string; options: unknown; at: number; done?: number }[] = [];
  const interaction = { id: '1', deferred: false, replied: false, ephemeral: null as boolean | null } as Record<string, unknown>;
  for (const method of ['reply', 'deferReply', 'editReply', 'followUp', 'deleteReply']) {
    interaction[method] = vi.fn(async (options: unknown) => {
      const call = { method, options, at: Date.now() } as { method: string; options: unknown; at: number; done?: number };
      calls.push(call);
      if (opts.delayMs) await new Promise((resolve) => setTimeout(resolve, opts.delayMs));
      call.done = Date.now();
      const failure = opts.fail?.[method];
      if (failure) throw failure;
      if (method === 'deferReply') interaction.deferred = true;
      if (method === 'reply') interaction.replied = true;
    });
  }
  return { interaction: interaction as unknown as RepliableInteraction, calls };
}

const silent = pino({ level: 'silent' });
const alreadyAcknowledged = () =>
  new DiscordAPIError({ code: 40060, message: 'Interaction has already been acknowledged.' }, 40060, 400, 'POST', '/interactions/1/x/callback', {});

describe('Responder (fake timers: Discord\'s clock is the interaction\'s snowflake)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('replies directly when the answer is quick', async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new Responder(interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, createdAt: Date.now() });
    const sent = responder.send({ content: 'hi' });
    await vi.runAllTimersAsync();
    await sent;
    const more = responder.send({ content: 'more', ephemeral: true });
    await vi.runAllTimersAsync();
    await more;
    responder.close();
    expect(calls.map((c) => c.method)).toEqual(['reply', 'followUp']);
    expect(calls[0]!.options).toEqual({ content: 'hi', embeds: [], components: [], allowedMentions: NO_MENTIONS, flags: undefined });
    expect(calls[1]!.options).toMatchObject({ content: 'more', flags: 64, allowedMentions: { parse: [] } });
  });

  it('defers 1.5 s after the interaction was created, then edits the placeholder', async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new Responder(interaction, { deferAfterMs: 1500, ephemeral: true, logger: silent, createdAt: Date.now() - 400 });
    await vi.advanceTimersByTimeAsync(1099);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.method)).toEqual(['deferReply']);
    expect(calls[0]!.options).toEqual({ flags: 64 });
    await responder.send({ content: 'late' });
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(calls[1]!.options).toEqual({ content: 'late', embeds: [], components: [], allowedMentions: { parse: [] } });
  });

  it('an interaction that waited past the deferral point (a burst, a queue) defers the moment it is seen', () => {
    const { interaction, calls } = fakeInteraction();
    new Responder(interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, createdAt: Date.now() - 2600 });
    expect(calls.map((c) => c.method)).toEqual(['deferReply']);
  });

  it('deferNow (a backlog) defers at once; a clock behind Discord\'s counts from now', () => {
    const a = fakeInteraction();
    new Responder(a.interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, createdAt: Date.now(), deferNow: true });
    expect(a.calls.map((c) => c.method)).toEqual(['deferReply']);
    const b = fakeInteraction();
    const future = new Responder(b.interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, createdAt: Date.now() + 5000 });
    expect(future.ageMs).toBe(0);
  });

  it('checkpoint() defers when the handler starts after the deferral point', async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new Responder(interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, createdAt: Date.now() - 1000 });
    // The event loop was busy: the timer could not fire, the clock moved on.
    vi.setSystemTime(Date.now() + 600);
    responder.checkpoint();
    expect(calls.map((c) => c.method)).toEqual(['deferReply']);
  });

  it('a rate limit moves the deferral earlier, so a deferral held back by a 429 still lands within 3 s', async () => {
    const created = Date.now();
    const pace = new RestPace();
    pace.observeRateLimit(2000);
    // The deferral request is held for the 2 s the rate limit asks.
    const { interaction, calls } = fakeInteraction({ delayMs: 2000 });
    const responder = new Responder(interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, createdAt: created, pace });
    expect(responder.deferPointMs()).toBe(500);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls[0]?.method).toBe('deferReply');
    expect(calls[0]!.done! - created).toBeLessThanOrEqual(2500);
    // Without the rate limit the default point stays at 1.5 s: a 1 s 429 then lands at 2.5 s.
    expect(new Responder(fakeInteraction().interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, pace: new RestPace() }).deferPointMs()).toBe(1500);
  });

  it('never acknowledges twice when the deferral point passes while a reply is on its way', async () => {
    const { interaction, calls } = fakeInteraction({ delayMs: 2000 });
    const responder = new Responder(interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, createdAt: Date.now() - 10 });
    const sent = responder.send({ content: 'racing' });
    await vi.advanceTimersByTimeAsync(2500);
    await sent;
    expect(calls.map((c) => c.method)).toEqual(['reply']);
  });

  it('a private notice after a public deferral: placeholder deleted, ephemeral follow-up', async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new Responder(interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, createdAt: Date.now(), deferNow: true });
    await responder.send({ content: 'Sorry', ephemeral: true });
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(calls[2]!.options).toMatchObject({ content: 'Sorry', flags: 64, allowedMentions: { parse: [] } });
  });

  it('a public answer after a public deferral, and anything after an ephemeral deferral, edit the placeholder', async () => {
    const pub = fakeInteraction();
    await new Responder(pub.interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, deferNow: true }).send({ content: 'answer' });
    expect(pub.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    const priv = fakeInteraction();
    await new Responder(priv.interaction, { deferAfterMs: 1500, ephemeral: true, logger: silent, deferNow: true }).send({ content: 'no', ephemeral: true });
    expect(priv.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });

  it('40060 on a callback means an earlier attempt was applied: delivered, not an error', async () => {
    const replied = fakeInteraction({ fail: { reply: alreadyAcknowledged() } });
    const r1 = new Responder(replied.interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent });
    await expect(r1.send({ content: 'hi' })).resolves.toBeUndefined();
    expect(replied.interaction.replied).toBe(true);
    expect(r1.pending).toBe(false);

    const deferred = fakeInteraction({ fail: { deferReply: alreadyAcknowledged() } });
    const r2 = new Responder(deferred.interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, deferNow: true });
    await r2.send({ content: 'answer' });
    expect(deferred.interaction.deferred).toBe(true);
    expect(deferred.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
  });

  it('abandon() (shutdown) fills in a pending deferral, and the handler\'s later answer is dropped', async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new Responder(interaction, { deferAfterMs: 1500, ephemeral: false, logger: silent, deferNow: true });
    await responder.abandon({ content: 'restarting', ephemeral: true });
    await responder.send({ content: 'too late' });
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(responder.pending).toBe(false);
  });
});

describe('WorkQueue', () => {
  it('runs items one at a time with a turn of the event loop between them', async () => {
    const queue = new WorkQueue();
    const order: string[] = [];
    const timer = new Promise<void>((resolve) => setTimeout(() => (order.push('timer'), resolve()), 0));
    const busy = (name: string) => async () => {
      order.push(name);
      const until = Date.now() + 5;
      while (Date.now() < until); // CPU work, like the engine's
    };
    const done = Promise.all([queue.push(busy('a')), queue.push(busy('b')), queue.push(busy('c'))]);
    expect(queue.backlog).toBe(2);
    await done;
    await timer;
    // The timer (a deferral, a heartbeat) ran between items instead of after the whole burst.
    expect(order.indexOf('timer')).toBeLessThan(order.length - 1);
    expect(queue.backlog).toBe(0);
    expect(await queue.idle(100)).toBe(true);
  });

  it('says whether a new item would start at once: not while another runs or waits for its turn', async () => {
    const queue = new WorkQueue();
    expect(queue.startsAtOnce).toBe(true);
    const first = queue.push(async () => undefined);
    // The first item ran at once; the queue now gives the event loop a turn before the next one.
    expect(queue.startsAtOnce).toBe(false);
    const second = queue.push(async () => undefined);
    expect(queue.backlog).toBe(1);
    await Promise.all([first, second]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.startsAtOnce).toBe(true);
  });

  it('starts no work while a deferral is on its way: in a burst every "thinking…" leaves before any answer is computed', async () => {
    const queue = new WorkQueue();
    const order: string[] = [];
    let sendDeferral!: () => void;
    queue.holdWhile(new Promise<void>((resolve) => (sendDeferral = resolve)));
    const done = queue.push(async () => void order.push('answer'));
    // Several turns of the event loop: the item still waits.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    order.push('deferral sent');
    sendDeferral();
    await done;
    expect(order).toEqual(['deferral sent', 'answer']);
  });

  it('holds work back at most maxHoldMs under a steady stream of deferrals, then runs what was queued by then without waiting again', async () => {
    vi.useFakeTimers();
    try {
      const queue = new WorkQueue(1000);
      const never = () => new Promise<void>(() => undefined); // requests Discord never answers
      queue.holdWhile(never());
      const ran: string[] = [];
      const done = ['a', 'b', 'c'].map((name) => queue.push(async () => void ran.push(name)));
      await vi.advanceTimersByTimeAsync(500);
      queue.holdWhile(never()); // another deferral meanwhile
      await vi.advanceTimersByTimeAsync(499);
      expect(ran).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      // The three waited once, together: not 1 s each (only the turns between them are left).
      for (let i = 0; i < 3; i++) await vi.advanceTimersByTimeAsync(1);
      expect(ran).toEqual(['a', 'b', 'c']);
      await Promise.all(done);
      expect(ran).toEqual(['a', 'b', 'c']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('idle() lets the event loop run while an item waits for a deferral (it used to spin until its timeout)', async () => {
    const queue = new WorkQueue(1000);
    // The deferral's response comes through the event loop, as Discord's does.
    queue.holdWhile(new Promise<void>((resolve) => setTimeout(resolve, 20)));
    let ran = false;
    void queue.push(async () => void (ran = true));
    // A generous bound: with the spin it returns false only once the bound has passed; without, in ~20 ms.
    expect(await queue.idle(3000)).toBe(true);
    expect(ran).toBe(true);
  });

  it('a failing item does not stop the queue', async () => {
    const queue = new WorkQueue();
    const ran: number[] = [];
    await Promise.all([queue.push(async () => { throw new Error('x'); }), queue.push(async () => void ran.push(2))]);
    expect(ran).toEqual([2]);
  });
});

/** What a router needs around it: a queue, and an engine that never loads (handlers do not reach it). */
function routerContext(): { queue: WorkQueue; ctx: BotContext } {
  const queue = new WorkQueue();
  const ctx = {
    config: { deferAfterMs: 1500 },
    logger: silent,
    cooldown: new Cooldown(0),
    engine: () => new Promise(() => undefined),
    engineNow: () => null,
    queue,
    pace: new RestPace(),
  } as unknown as BotContext;
  return { queue, ctx };
}

describe('Router in a burst', () => {
  it('defers every interaction that must wait, and starts the answers only once those deferrals have reached Discord', async () => {
    const { queue, ctx } = routerContext();
    const handled: string[] = [];
    const command = {
      data: { name: 'ask', toJSON: () => ({ name: 'ask', description: 'ask', type: ApplicationCommandType.ChatInput }) },
      execute: async (interaction: { id: string }, c: { reply: Responder }) => {
        handled.push(interaction.id);
        await c.reply.send({ content: 'answer' });
      },
    } as unknown as ChatCommandModule;
    const router = createRouter([command], ctx);
    let releaseBusy!: () => void;
    void queue.push(() => new Promise<void>((resolve) => (releaseBusy = resolve)));

    const deferrals: (() => void)[] = [];
    const routed = ['a', 'b'].map((id) => {
      const { interaction, calls } = fakeInteraction();
      Object.assign(interaction, {
        id,
        commandName: 'ask',
        user: { id: `user-${id}` },
        locale: 'en-US',
        createdTimestamp: Date.now(),
        isChatInputCommand: () => true,
        // Discord is slow to take the deferral in.
        deferReply: vi.fn(() => new Promise<void>((resolve) => deferrals.push(() => ((interaction as { deferred: boolean }).deferred = true, resolve())))),
      });
      return { calls, done: router(interaction as unknown as Interaction) };
    });
    releaseBusy();
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(deferrals).toHaveLength(2);
    expect(handled).toEqual([]);
    for (const send of deferrals) send();
    await Promise.all(routed.map((r) => r.done));
    expect(handled).toEqual(['a', 'b']);
    for (const r of routed) expect(r.calls.map((c) => c.method)).toEqual(['editReply']);
  });
});

describe('Router during shutdown', () => {
  it('answers an interaction that arrives while it drains with the private "restarting" notice at once, even behind a busy queue', async () => {
    const { queue, ctx } = routerContext();
    let handled = 0;
    const command = {
      data: { name: 'ask', toJSON: () => ({ name: 'ask', description: 'ask', type: ApplicationCommandType.ChatInput }) },
      execute: async () => {
        handled++;
      },
    } as unknown as ChatCommandModule;
    const router = createRouter([command], ctx);
    // Work still queued when the signal comes: a new interaction would not start at once.
    let releaseBusy!: () => void;
    void queue.push(() => new Promise<void>((resolve) => (releaseBusy = resolve)));
    expect(queue.startsAtOnce).toBe(false);
    router.close();

    const { interaction, calls } = fakeInteraction();
    Object.assign(interaction, {
      commandName: 'ask',
      user: { id: '42' },
      locale: 'fr',
      createdTimestamp: Date.now(),
      isChatInputCommand: () => true,
    });
    await router(interaction as unknown as Interaction);
    // One callback: the notice itself, private and in the user's language; no "thinking…" first.
    expect(calls.map((c) => c.method)).toEqual(['reply']);
    const sent = calls[0]!.options as { content: string; flags?: number };
    expect(sent.content).toBe(MESSAGES.fr.restarting);
    expect((sent.flags ?? 0) & MessageFlags.Ephemeral).toBeTruthy();
    expect(handled).toBe(0);
    releaseBusy();
  });
});
