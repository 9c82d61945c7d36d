import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AttachmentBuilder,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
  type ClientOptions,
  type Interaction,
  type Message,
} from 'discord.js';
import { DiscordEmulator, type EmulatorOptions } from './emulator.js';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  messageContextMenuInteraction,
  messageCreatePayload,
} from './payloads.js';

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent];

let emulator: DiscordEmulator;
let clients: Client[] = [];

async function useEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  await emulator?.stop();
  emulator = new DiscordEmulator(options);
  await emulator.start();
  return emulator;
}

function makeClient(options: Partial<ClientOptions> = {}): Client {
  const client = new Client({
    intents: INTENTS,
    ...options,
    rest: { api: emulator.restUrl, ...options.rest },
  });
  clients.push(client);
  return client;
}

async function readyClient(options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = makeClient(options);
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(5000) });
  await client.login(emulator.token);
  await ready;
  return client as Client<true>;
}

/** Next interaction the client emits, handled by `handler` (its result or error is returned). */
function handleNextInteraction<T>(client: Client, handler: (i: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once(Events.InteractionCreate, (i) => handler(i).then(resolve, reject));
  });
}

beforeEach(async () => {
  await useEmulator();
});

afterEach(async () => {
  for (const c of clients) await c.destroy();
  clients = [];
  await emulator.stop();
});

describe('DiscordEmulator with the real discord.js Client', () => {
  it('logs in: READY + GUILD_CREATE populate the cache, IDENTIFY carries token and intents', async () => {
    const client = await readyClient();

    expect(client.user.id).toBe(emulator.botUserId);
    expect(client.user.bot).toBe(true);
    expect(client.application?.id).toBe(emulator.applicationId);
    const guild = client.guilds.cache.get(emulator.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.everyone.id).toBe(emulator.guildId);
    expect(guild?.members.me?.id).toBe(emulator.botUserId);
    const channel = client.channels.cache.get(emulator.channelId);
    expect(channel?.type).toBe(ChannelType.GuildText);
    expect(channel?.isTextBased()).toBe(true);

    expect(emulator.identifyCount).toBe(1);
    expect(emulator.identifies[0]).toMatchObject({
      token: emulator.token,
      intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
      shard: [0, 1],
    });
    const gatewayBot = await emulator.waitForRequest('GET /gateway/bot');
    expect(gatewayBot.headers.authorization).toBe(`Bot ${emulator.token}`);
  });

  it('chat input command → interaction.reply (type 4, allowed_mentions, no bot token)', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
      await i.reply({ content: `Réponse à « ${i.options.getString('question', true)} »`, allowedMentions: { parse: [] } });
      return i;
    });
    const payload = emulator.dispatchInteraction(
      chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'Qui a signé ?' } }),
    );

    const callback = await emulator.waitForInteractionCallback(payload);
    const interaction = await handled;
    expect(interaction.commandName).toBe('ask');
    expect(interaction.user.id).toBe(emulator.userId);
    expect(interaction.guildId).toBe(emulator.guildId);
    expect(callback.path).toBe(`/interactions/${payload.id}/${payload.token}/callback`);
    expect(callback.query.with_response).toBe('false');
    expect(callback.headers.authorization).toBeUndefined();
    expect(callback.response?.status).toBe(204);
    expect(callback.body).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'Réponse à « Qui a signé ? »', allowed_mentions: { parse: [] } }),
    });
    expect(emulator.originalResponse(payload.id)?.content).toBe('Réponse à « Qui a signé ? »');
  });

  it('deferReply → editReply → followUp', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (!i.isChatInputCommand()) throw new Error('expected a chat input command');
      await i.deferReply();
      const edited = await i.editReply({ content: 'Voici la citation.' });
      const followUp = await i.followUp({ content: 'Source : paragraphe 3', flags: MessageFlags.Ephemeral });
      return { edited, followUp };
    });
    const payload = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'q' } }));
    const { edited, followUp } = await handled;

    const [callback, edit, follow] = emulator.requests.filter((r) => r.path.includes(payload.token));
    expect(callback?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit?.method).toBe('PATCH');
    expect(edit?.path).toBe(`/webhooks/${emulator.applicationId}/${payload.token}/messages/@original`);
    expect(edit?.body.content).toBe('Voici la citation.');
    expect(follow?.method).toBe('POST');
    expect(follow?.path).toBe(`/webhooks/${emulator.applicationId}/${payload.token}`);
    expect(follow?.query.wait).toBe('true');

    expect(edited.content).toBe('Voici la citation.');
    expect(edited.id).toBe(emulator.originalResponse(payload.id)?.id);
    expect(edited.flags.has(MessageFlags.Loading)).toBe(false);
    expect(followUp.flags.has(MessageFlags.Ephemeral)).toBe(true);
    expect(emulator.followups(payload.id).map((m) => m.content)).toEqual(['Source : paragraphe 3']);
  });

  it('the first followUp after deferReply fills in the "thinking…" message', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (!i.isRepliable()) throw new Error('not repliable');
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      return i.followUp('réponse');
    });
    const payload = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    const followUp = await handled;
    expect(followUp.id).toBe(emulator.originalResponse(payload.id)?.id);
    expect(followUp.flags.has(MessageFlags.Ephemeral)).toBe(true);
    expect(followUp.flags.has(MessageFlags.Loading)).toBe(false);
    expect(emulator.followups(payload.id)).toEqual([]);
  });

  it('withResponse: true gets 200 { interaction, resource } instead of 204', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (!i.isRepliable()) throw new Error('not repliable');
      return i.reply({ content: 'avec réponse', withResponse: true });
    });
    const payload = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    const response = await handled;
    const callback = await emulator.waitForInteractionCallback(payload);
    expect(callback.query.with_response).toBe('true');
    expect(callback.response?.status).toBe(200);
    expect(response.interaction.id).toBe(payload.id);
    expect(response.interaction.responseMessageId).toBe(emulator.originalResponse(payload.id)?.id);
    expect(response.resource?.message?.content).toBe('avec réponse');
  });

  it('deferUpdate (type 6) on a button', async () => {
    const client = await readyClient();
    const deferred = handleNextInteraction(client, async (i) => {
      if (!i.isButton()) throw new Error('expected a button');
      await i.deferUpdate();
    });
    const button = emulator.dispatchInteraction(buttonInteraction(emulator.world, { customId: 'next' }));
    await deferred;
    expect((await emulator.waitForInteractionCallback(button)).body.type).toBe(6);
    expect(emulator.originalResponse(button.id)?.id).toBe(button.message.id);
  });

  it('autocomplete → interaction.respond (type 8)', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (!i.isAutocomplete()) throw new Error('expected autocomplete');
      const typed = i.options.getFocused();
      await i.respond(['sénat', 'séance', 'budget'].filter((c) => c.startsWith(typed)).map((c) => ({ name: c, value: c })));
      return typed;
    });
    const payload = emulator.dispatchInteraction(
      autocompleteInteraction(emulator.world, { commandName: 'ask', focused: { name: 'topic', value: 'sé' } }),
    );
    expect(await handled).toBe('sé');
    const callback = await emulator.waitForInteractionCallback(payload);
    expect(callback.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'sénat', value: 'sénat' }, { name: 'séance', value: 'séance' }] },
    });
  });

  it('button → interaction.update (type 7) edits the message carrying the button', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (!i.isButton()) throw new Error('expected a button');
      await i.update({ content: 'Plus de détails…', components: [] });
      return i;
    });
    const payload = emulator.dispatchInteraction(buttonInteraction(emulator.world, { customId: 'details:42' }));
    const interaction = await handled;
    expect(interaction.customId).toBe('details:42');
    expect(interaction.message.id).toBe(payload.message.id);
    const callback = await emulator.waitForInteractionCallback(payload);
    expect(callback.body.type).toBe(7);
    expect(emulator.messages.get(payload.message.id)?.content).toBe('Plus de détails…');
    expect(emulator.messages.get(payload.message.id)?.components).toEqual([]);
  });

  it('message context menu → targetMessage.content', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (!i.isMessageContextMenuCommand()) throw new Error('expected a message context menu command');
      await i.reply({ content: `Vérification : ${i.targetMessage.content}`, flags: MessageFlags.Ephemeral });
      return i.targetMessage;
    });
    const payload = emulator.dispatchInteraction(
      messageContextMenuInteraction(emulator.world, { commandName: 'Vérifier', targetContent: 'Le texte a été voté hier.' }),
    );
    const target = await handled;
    expect(target.content).toBe('Le texte a été voté hier.');
    expect(target.author.id).toBe(emulator.otherUserId);
    const callback = await emulator.waitForInteractionCallback(payload);
    expect(callback.body.data).toMatchObject({ content: 'Vérification : Le texte a été voté hier.', flags: MessageFlags.Ephemeral });
  });

  it('MESSAGE_CREATE mentioning the bot → messageCreate → message.reply', async () => {
    const client = await readyClient();
    const seen: Message[] = [];
    client.on(Events.MessageCreate, (m) => {
      seen.push(m);
      if (m.author.bot || !m.mentions.has(client.user)) return;
      void m.reply({ content: 'Selon l’article…', allowedMentions: { repliedUser: false } });
    });
    const payload = emulator.dispatchMessage(messageCreatePayload(emulator.world, { content: 'qui a voté ?', mentionBot: true }));

    const post = await emulator.waitForResponse(`POST /channels/${emulator.channelId}/messages`);
    expect(post.headers.authorization).toBe(`Bot ${emulator.token}`);
    expect(post.body).toMatchObject({
      content: 'Selon l’article…',
      message_reference: { message_id: payload.id, fail_if_not_exists: true },
      allowed_mentions: { replied_user: false },
    });
    expect(post.response?.status).toBe(200);
    const incoming = seen.find((m) => m.id === payload.id);
    expect(incoming?.content).toBe(`<@${emulator.botUserId}> qui a voté ?`);
    expect(incoming?.mentions.has(client.user)).toBe(true);
    // Discord echoes the bot's own message over the gateway; a real bot must ignore it.
    await emulator.waitForGatewayFrame((f) => f.t === 'MESSAGE_CREATE' && f.d.author.id === emulator.botUserId);
    const reply = (post.response?.body ?? {}) as { id: string; mentions: unknown[] };
    expect(reply.mentions).toEqual([]); // replied_user: false → no ping
  });

  it('without MESSAGE_CONTENT, guild messages that do not mention the bot arrive with empty content', async () => {
    const client = await readyClient({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    const received: Message[] = [];
    client.on(Events.MessageCreate, (m) => received.push(m));
    const plain = emulator.dispatchMessage(messageCreatePayload(emulator.world, { content: 'hello' }));
    const mention = emulator.dispatchMessage(messageCreatePayload(emulator.world, { content: 'hello', mentionBot: true }));
    await expect.poll(() => received.length).toBe(2);
    expect(received.find((m) => m.id === plain.id)?.content).toBe('');
    expect(received.find((m) => m.id === mention.id)?.content).toBe(`<@${emulator.botUserId}> hello`);
  });

  it('deploys commands with REST (bulk overwrite keeps ids) and validates names', async () => {
    const rest = new REST({ version: '10', api: emulator.restUrl }).setToken(emulator.token);
    const body = [
      new SlashCommandBuilder()
        .setName('ask')
        .setDescription('Pose une question sur l’article')
        .addStringOption((o) => o.setName('question').setDescription('La question').setRequired(true))
        .toJSON(),
    ];
    const route = Routes.applicationGuildCommands(emulator.applicationId, emulator.guildId);
    const first = (await rest.put(route, { body })) as { id: string; name: string; application_id: string; version: string }[];
    const second = (await rest.put(route, { body })) as typeof first;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ name: 'ask', application_id: emulator.applicationId, guild_id: emulator.guildId });
    expect(second[0]?.id).toBe(first[0]?.id);
    expect(second[0]?.version).toBe(first[0]?.version);

    const put = emulator.requestsMatching('PUT /applications/:app/guilds/:guild/commands');
    expect(put).toHaveLength(2);
    expect(put[0]?.body).toEqual(body);
    expect(put[0]?.headers.authorization).toBe(`Bot ${emulator.token}`);

    const bad = rest.put(route, { body: [{ name: 'Ask Me', description: 'x' }] });
    await expect(bad).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(bad).rejects.toMatchObject({ code: 50035, status: 400 });
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  });

  it('dropConnection → discord.js RESUMEs, missed events are replayed, new interactions still work', async () => {
    const client = await readyClient();
    const replied: string[] = [];
    client.on(Events.InteractionCreate, (i) => {
      if (!i.isChatInputCommand()) return;
      replied.push(i.id);
      void i.reply({ content: `ok ${i.id}` });
    });
    expect(emulator.dropConnection()).toBe(1);
    // Dispatched while the client is disconnected: Discord replays it on RESUME.
    const missed = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    await emulator.waitForResume();
    const resume = emulator.gatewayFrames.find((f) => f.direction === 'in' && f.op === 6);
    expect(resume?.d).toMatchObject({ token: emulator.token, seq: 2 });
    expect(emulator.resumeCount).toBe(1);
    expect(emulator.identifyCount).toBe(1);
    await emulator.waitForInteractionCallback(missed);

    const after = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    const callback = await emulator.waitForInteractionCallback(after);
    expect(callback.response?.status).toBe(204);
    expect(replied).toEqual([missed.id, after.id]);
    expect(emulator.identifyCount).toBe(1);
  });

  it('rejects a wrong bot token with 401 (and client.login fails with TokenInvalid)', async () => {
    const res = await fetch(`${emulator.restUrl}/v10/users/@me`, { headers: { Authorization: 'Bot not-the-token' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    const ok = await fetch(`${emulator.restUrl}/v10/users/@me`, { headers: { Authorization: `Bot ${emulator.token}` } });
    expect(((await ok.json()) as { id: string }).id).toBe(emulator.botUserId);

    const client = makeClient();
    await expect(client.login('bm90LXRoZS10b2tlbg.AAAA.BBBB')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(emulator.identifyCount).toBe(0);
  });
});

describe('Discord rules the emulator enforces', () => {
  it('unknown routes get a Discord-style 404 and are recorded', async () => {
    const res = await fetch(`${emulator.restUrl}/v10/nope/123`, { method: 'POST', headers: { Authorization: `Bot ${emulator.token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(emulator.requestsMatching('POST /nope/:id')[0]?.route).toBeNull();
  });

  it('a second acknowledgement gets 40060 and a late one 10062', async () => {
    await useEmulator({ interactionDeadlineMs: 150 });
    await readyClient();
    const first = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    const url = `${emulator.restUrl}/v10/interactions/${first.id}/${first.token}/callback`;
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 4, data: { content: 'x' } }) });
    expect((await post()).status).toBe(204);
    const again = await post();
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: number }).code).toBe(40060);

    const client = clients[0]!;
    const late = handleNextInteraction(client, async (i) => {
      await new Promise((r) => setTimeout(r, 250));
      if (i.isRepliable()) await i.reply('too late');
    });
    emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    await expect(late).rejects.toMatchObject({ code: 10062, status: 404 });
  });

  it('content over 2000 characters is a 50035 form error', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (i.isRepliable()) await i.reply('x'.repeat(2001));
    });
    emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    await expect(handled).rejects.toMatchObject({ code: 50035, message: expect.stringContaining('data.content[BASE_TYPE_MAX_LENGTH]') });
  });

  it('a reply with files is refused: uploads are not emulated (the bot sends none)', async () => {
    const client = await readyClient();
    const handled = handleNextInteraction(client, async (i) => {
      if (!i.isRepliable()) throw new Error('not repliable');
      await i.reply({ content: 'Extrait joint', files: [new AttachmentBuilder(Buffer.from('citation'), { name: 'extrait.txt' })] });
    });
    emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    await expect(handled).rejects.toMatchObject({ code: 50109 });
  });

  it('a 429 is retried by discord.js after retry_after', async () => {
    const client = await readyClient();
    emulator.rateLimitOnce('POST /channels/:id/messages', 0.05);
    const channel = client.channels.cache.get(emulator.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send('après la limite');
    expect(sent.content).toBe('après la limite');
    expect(emulator.requestsMatching('POST /channels/:id/messages').map((r) => r.response?.status)).toEqual([429, 200]);
  });

  it('setDelay slows a route (e.g. to exercise deferral paths)', async () => {
    const client = await readyClient();
    emulator.setDelay('POST /interactions/:id/:token/callback', 200);
    const handled = handleNextInteraction(client, async (i) => {
      const t0 = Date.now();
      if (i.isRepliable()) await i.deferReply();
      return Date.now() - t0;
    });
    emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    expect(await handled).toBeGreaterThanOrEqual(190);
  });

  it('hold keeps matching requests unanswered until released', async () => {
    const client = await readyClient();
    const release = emulator.hold('POST /interactions/:id/:token/callback');
    let deferred = false;
    const handled = handleNextInteraction(client, async (i) => {
      if (i.isRepliable()) await i.deferReply();
      deferred = true;
    });
    const interaction = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    await emulator.waitForRequest((r) => r.params.interactionId === interaction.id, 5000);
    // Received and held: no answer however long the client waits.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(deferred).toBe(false);
    expect(emulator.interaction(interaction.id)?.acknowledged).toBe(false);
    release();
    await handled;
    expect(deferred).toBe(true);
    expect(emulator.interaction(interaction.id)?.acknowledged).toBe(true);
  });

  it('missing SendMessages → 403 50013', async () => {
    await useEmulator({ everyonePermissions: 0n, botPermissions: 1n << 10n /* ViewChannel */ });
    const client = await readyClient();
    const channel = client.channels.cache.get(emulator.channelId);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    await expect(channel.send('hi')).rejects.toMatchObject({ code: 50013, status: 403 });
  });

  it('op 7 RECONNECT and zombie connections (no HEARTBEAT_ACK) both end in a RESUME', async () => {
    await useEmulator({ heartbeatIntervalMs: 100 });
    await readyClient();
    emulator.requestReconnect();
    await emulator.waitForResume(1);
    emulator.ackHeartbeats = false;
    await emulator.waitForResume(2);
    emulator.ackHeartbeats = true;
    expect(emulator.identifyCount).toBe(1);
    expect(emulator.heartbeatCount).toBeGreaterThan(0);
  });

  it('op 9 INVALID_SESSION (not resumable) makes the client IDENTIFY again', async () => {
    // Skip @discordjs/ws's 5 s identify throttle so the re-identify is immediate.
    const client = await readyClient({ ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: () => Promise.resolve() }) } });
    emulator.invalidateSession(false);
    await emulator.waitForGatewayFrame((f) => f.t === 'READY' && f.connectionId > 1);
    expect(emulator.identifyCount).toBe(2);
    const handled = handleNextInteraction(client, async (i) => i.id);
    const payload = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    expect(await handled).toBe(payload.id);
  });

  it('disallowed privileged intents close the gateway with 4014 and login rejects', async () => {
    await useEmulator({ allowedPrivilegedIntents: 0 });
    const client = makeClient();
    await expect(client.login(emulator.token)).rejects.toThrow(/disallowed intents/i);
  });

  it('two shards: each gets its own session and guild events go to the owning shard only', async () => {
    await useEmulator({ recommendedShards: 2, maxConcurrency: 2 });
    const client = await readyClient({ shards: 'auto' });
    expect(emulator.identifyCount).toBe(2);
    expect(emulator.identifies.map((d) => d.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const handled = handleNextInteraction(client, async (i) => i.id);
    const payload = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask' }));
    expect(await handled).toBe(payload.id);
    expect(emulator.gatewayFrames.filter((f) => f.t === 'INTERACTION_CREATE')).toHaveLength(1);
  });
});
