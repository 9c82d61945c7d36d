// Realistic Discord API v10 payloads for the emulator and for tests.
//
// Everything is built from a `World` (the ids and objects of one fake guild)
// so that payloads dispatched over the gateway, objects returned by REST and
// objects cached by discord.js all agree with each other.

import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationFlags,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  OverwriteType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIActionRowComponent,
  APIApplication,
  APIApplicationCommandAutocompleteGuildInteraction,
  APIApplicationCommandInteractionDataOption,
  APIButtonComponentWithCustomId,
  APIChannel,
  APIChatInputApplicationCommandGuildInteraction,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIGuildMember,
  APIInteractionDataResolved,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandGuildInteraction,
  APIMessageComponentGuildInteraction,
  APIOverwrite,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayMessageCreateDispatchData,
  GatewayReadyDispatchData,
  ChannelFlags,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  InteractionType as InteractionTypeT,
  MessageFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';

// ---------------------------------------------------------------------------
// ids and tokens

const DISCORD_EPOCH = 1420070400000n;
let snowflakeIncrement = 0n;

/** A fresh, time-ordered snowflake (same layout as Discord's: ms since 2015 << 22 | worker | increment). */
export function snowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

function randomPart(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** A bot token shaped like Discord's (`base64(user id).timestamp.hmac`); it authenticates nothing outside the emulator. */
export function fakeBotToken(botUserId: string): string {
  return `${Buffer.from(botUserId).toString('base64url')}.${randomPart(4)}.${randomPart(28)}`;
}

/** An interaction token shaped like Discord's (long, url-safe, starts with base64("interaction:")). */
export function fakeInteractionToken(interactionId: string): string {
  return Buffer.from(`interaction:${interactionId}:${randomPart(48)}`).toString('base64url');
}

// ---------------------------------------------------------------------------
// the world: one guild, its channels, roles and a few users

export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads;

/** What a typical invite link grants a Q&A bot. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

export interface WorldOptions {
  guildName?: string;
  botUsername?: string;
  /** Locale of the invoking users (interaction `locale`). */
  locale?: Locale;
  /** Guild preferred locale (interaction `guild_locale`). */
  guildLocale?: Locale;
  everyonePermissions?: bigint;
  /** Permissions of the bot's managed role. */
  botPermissions?: bigint;
}

/** Guild text/category channel as stored by the emulator (guild_id always set). */
export type WorldGuildChannel = APIChannel & {
  id: string;
  type: ChannelType.GuildText | ChannelType.GuildCategory;
  guild_id: string;
  name: string;
  position: number;
  parent_id?: string | null;
  permission_overwrites: APIOverwrite[];
};

export interface World {
  applicationId: string;
  botUserId: string;
  guildId: string;
  guildName: string;
  everyoneRoleId: string;
  botRoleId: string;
  memberRoleId: string;
  categoryId: string;
  /** The main text channel (`#general`). */
  channelId: string;
  /** A second text channel (`#random`). */
  otherChannelId: string;
  /** DM channel between the bot and `user`. */
  dmChannelId: string;
  botUser: APIUser;
  /** Default human: guild owner, invoker of interactions and author of messages. */
  user: APIUser;
  /** A second human without special permissions (has the member role). */
  otherUser: APIUser;
  locale: Locale;
  guildLocale: Locale;
  roles: APIRole[];
  /** Mutable: tests may add permission overwrites before the client connects. */
  channels: WorldGuildChannel[];
  /** ISO timestamp at which everyone joined the guild. */
  joinedAt: string;
}

function human(username: string, globalName: string): APIUser {
  return {
    id: snowflake(),
    username,
    global_name: globalName,
    discriminator: '0',
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

function role(id: string, name: string, position: number, permissions: bigint, extra: Partial<APIRole> = {}): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...extra,
  };
}

export function createWorld(options: WorldOptions = {}): World {
  const applicationId = snowflake();
  const guildId = snowflake();
  const botRoleId = snowflake();
  const memberRoleId = snowflake();
  const categoryId = snowflake();
  const channelId = snowflake();
  const otherChannelId = snowflake();
  const dmChannelId = snowflake();
  const botUsername = options.botUsername ?? 'Emulated Bot';
  const botUser: APIUser = {
    id: applicationId,
    username: botUsername,
    global_name: null,
    discriminator: '4242',
    avatar: null,
    bot: true,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
  const textChannel = (id: string, name: string, position: number): WorldGuildChannel => ({
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    parent_id: categoryId,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    last_pin_timestamp: null,
    permission_overwrites: [],
    flags: 0 as ChannelFlags,
  });
  return {
    applicationId,
    botUserId: applicationId,
    guildId,
    guildName: options.guildName ?? 'Emulated Guild',
    everyoneRoleId: guildId,
    botRoleId,
    memberRoleId,
    categoryId,
    channelId,
    otherChannelId,
    dmChannelId,
    botUser,
    user: human('alice', 'Alice'),
    otherUser: human('bob', 'Bob'),
    locale: options.locale ?? Locale.EnglishUS,
    guildLocale: options.guildLocale ?? Locale.EnglishUS,
    roles: [
      // @everyone's id is the guild id: discord.js relies on it (guild.roles.everyone).
      role(guildId, '@everyone', 0, options.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS),
      role(botRoleId, botUsername, 1, options.botPermissions ?? DEFAULT_BOT_PERMISSIONS, {
        managed: true,
        tags: { bot_id: applicationId },
      }),
      role(memberRoleId, 'Reader', 2, 0n, { mentionable: true }),
    ],
    channels: [
      {
        id: categoryId,
        type: ChannelType.GuildCategory,
        guild_id: guildId,
        name: 'Text Channels',
        position: 0,
        permission_overwrites: [],
        flags: 0 as ChannelFlags,
      } as WorldGuildChannel,
      textChannel(channelId, 'general', 0),
      textChannel(otherChannelId, 'random', 1),
    ],
    joinedAt: new Date().toISOString(),
  };
}

export function worldUsers(world: World): APIUser[] {
  return [world.botUser, world.user, world.otherUser];
}

export function findUser(world: World, id: string): APIUser | undefined {
  return worldUsers(world).find((u) => u.id === id);
}

export function findChannel(world: World, id: string): WorldGuildChannel | undefined {
  return world.channels.find((c) => c.id === id);
}

/** Roles (besides @everyone) held by a user in the world's guild. */
export function memberRoles(world: World, userId: string): string[] {
  if (userId === world.botUserId) return [world.botRoleId];
  if (userId === world.otherUser.id) return [world.memberRoleId];
  return [];
}

/** Channel permissions, computed the way Discord documents it (base roles, then @everyone/role/member overwrites). */
export function computePermissions(world: World, userId: string, channelId?: string): bigint {
  if (userId === world.user.id) return ALL_PERMISSIONS; // guild owner
  const roleIds = memberRoles(world, userId);
  const rolePerms = (id: string) => BigInt(world.roles.find((r) => r.id === id)?.permissions ?? '0');
  let perms = rolePerms(world.everyoneRoleId);
  for (const id of roleIds) perms |= rolePerms(id);
  if (perms & PermissionFlagsBits.Administrator) return ALL_PERMISSIONS;
  const channel = channelId ? findChannel(world, channelId) : undefined;
  if (!channel) return perms;
  const apply = (o: APIOverwrite | undefined) => {
    if (o) perms = (perms & ~BigInt(o.deny)) | BigInt(o.allow);
  };
  const overwrites = channel.permission_overwrites;
  apply(overwrites.find((o) => o.id === world.everyoneRoleId));
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === OverwriteType.Role && roleIds.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  apply(overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId));
  return perms;
}

// ---------------------------------------------------------------------------
// gateway payloads

export function applicationObject(world: World): APIApplication {
  return {
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: '',
    summary: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: world.botUser,
    owner: world.user,
    verify_key: randomBytes(32).toString('hex'),
    team: null,
    flags: applicationFlags(),
    flags_new: String(applicationFlags()),
    integration_types_config: { [ApplicationIntegrationType.GuildInstall]: {} },
    approximate_guild_count: 1,
  } as APIApplication;
}

function applicationFlags(): number {
  return ApplicationFlags.GatewayMessageContentLimited | ApplicationFlags.ApplicationCommandBadge;
}

export function readyPayload(
  world: World,
  sessionId: string,
  resumeGatewayUrl: string,
  shard: [number, number],
  guildIds: string[],
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.botUser, verified: true, mfa_enabled: false, email: null },
    guilds: guildIds.map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeGatewayUrl,
    shard,
    application: { id: world.applicationId, flags: applicationFlags(), flags_new: String(applicationFlags()) },
  };
}

export function guildMember(world: World, user: APIUser): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: memberRoles(world, user.id),
    joined_at: world.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function interactionMember(world: World, user: APIUser, channelId: string): APIInteractionGuildMember {
  return {
    ...guildMember(world, user),
    user,
    permissions: computePermissions(world, user.id, channelId).toString(),
  };
}

/** A guild channel the way REST and interactions show it (with guild_id). */
export function channelObject(world: World, channelId: string): WorldGuildChannel {
  const channel = findChannel(world, channelId);
  if (!channel) throw new Error(`unknown channel ${channelId}`);
  return structuredClone(channel);
}

export function guildObject(world: World) {
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.user.id,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300 as const,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: structuredClone(world.roles),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: world.channelId,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: world.guildLocale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  } satisfies Omit<GatewayGuildCreateDispatchData, 'joined_at' | 'large' | 'member_count' | 'voice_states' | 'members' | 'channels' | 'threads' | 'presences' | 'stage_instances' | 'guild_scheduled_events' | 'soundboard_sounds'>;
}

/** The lazy GUILD_CREATE sent after READY: what discord.js needs to cache the guild, its roles, channels and the bot member. */
export function guildCreatePayload(world: World): GatewayGuildCreateDispatchData {
  const users = worldUsers(world);
  return {
    ...guildObject(world),
    joined_at: world.joinedAt,
    large: false,
    unavailable: false,
    member_count: users.length,
    voice_states: [],
    members: users.map((u) => guildMember(world, u)),
    // Real GUILD_CREATE channels carry no guild_id.
    channels: world.channels.map(({ guild_id: _guildId, ...c }) => structuredClone(c)) as GatewayGuildCreateDispatchData['channels'],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

// ---------------------------------------------------------------------------
// messages

type MentionUser = GatewayMessageCreateDispatchData['mentions'][number];

/** Mentions Discord derives from message content, filtered by allowed_mentions the way Discord documents it. */
export function deriveMentions(
  world: World,
  opts: {
    content: string;
    authorId: string;
    channelId: string;
    allowedMentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean } | undefined;
    repliedUser?: APIUser | undefined;
    withMembers: boolean;
  },
): { mentions: MentionUser[]; mention_roles: string[]; mention_everyone: boolean } {
  const am = opts.allowedMentions;
  const allowUser = (id: string) => !am || am.parse?.includes('users') || am.users?.includes(id);
  const allowRole = (id: string) => !am || am.parse?.includes('roles') || am.roles?.includes(id);
  const ids = new Set<string>();
  for (const m of opts.content.matchAll(/<@!?(\d{15,25})>/g)) if (m[1] && allowUser(m[1])) ids.add(m[1]);
  // Replies ping the replied author unless allowed_mentions is given without replied_user: true.
  if (opts.repliedUser && (!am || am.replied_user)) ids.add(opts.repliedUser.id);
  const mentions: MentionUser[] = [];
  for (const id of ids) {
    const user = findUser(world, id);
    if (!user) continue;
    if (opts.withMembers) {
      const { user: _user, ...member } = guildMember(world, user);
      mentions.push({ ...user, member });
    } else mentions.push({ ...user });
  }
  const mention_roles = [...opts.content.matchAll(/<@&(\d{15,25})>/g)]
    .map((m) => m[1] ?? '')
    .filter((id) => world.roles.some((r) => r.id === id && id !== world.everyoneRoleId) && allowRole(id));
  const canEveryone = (computePermissions(world, opts.authorId, opts.channelId) & PermissionFlagsBits.MentionEveryone) !== 0n;
  const mention_everyone =
    /@(everyone|here)\b/.test(opts.content) && canEveryone && (!am || Boolean(am.parse?.includes('everyone')));
  return { mentions, mention_roles: [...new Set(mention_roles)], mention_everyone };
}

export interface MessageOptions {
  content?: string;
  /** Defaults to `world.user`. */
  author?: APIUser;
  /** Defaults to `world.channelId`. */
  channelId?: string;
  /** Prefix the content with `<@bot>` (a real mention, which Discord turns into `mentions`). */
  mentionBot?: boolean;
  /** Make this message a reply to `replyTo`. */
  replyTo?: APIMessage;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Direct message to the bot instead of a guild message. */
  dm?: boolean;
  id?: string;
}

/** A MESSAGE_CREATE payload as Discord sends it for a guild (or DM) message. */
export function messageCreatePayload(world: World, opts: MessageOptions = {}): GatewayMessageCreateDispatchData {
  const author = opts.author ?? world.user;
  const dm = opts.dm ?? false;
  const channelId = dm ? world.dmChannelId : (opts.channelId ?? world.channelId);
  const content = `${opts.mentionBot ? `<@${world.botUserId}> ` : ''}${opts.content ?? ''}`;
  const derived = deriveMentions(world, {
    content,
    authorId: author.id,
    channelId,
    repliedUser: opts.replyTo?.author,
    withMembers: !dm,
  });
  const payload: GatewayMessageCreateDispatchData = {
    id: opts.id ?? snowflake(),
    type: opts.replyTo ? MessageType.Reply : MessageType.Default,
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    ...derived,
    mention_channels: [],
    attachments: [],
    embeds: opts.embeds ?? [],
    components: opts.components ?? [],
    pinned: false,
    flags: 0 as MessageFlags,
    nonce: snowflake(),
  };
  if (!dm) {
    payload.guild_id = world.guildId;
    const { user: _user, ...member } = guildMember(world, author);
    payload.member = member;
    payload.channel_type = ChannelType.GuildText;
  } else {
    payload.channel_type = ChannelType.DM;
  }
  if (opts.replyTo) {
    payload.message_reference = {
      type: 0,
      message_id: opts.replyTo.id,
      channel_id: opts.replyTo.channel_id,
      ...(dm ? {} : { guild_id: world.guildId }),
    };
    payload.referenced_message = opts.replyTo;
  }
  return payload;
}

/** Strip the gateway-only fields of a MESSAGE_CREATE to get the REST message object. */
export function toRestMessage(payload: GatewayMessageCreateDispatchData): APIMessage {
  const { guild_id: _g, member: _m, channel_type: _c, mentions, ...rest } = payload;
  return { ...rest, mentions: mentions.map(({ member: _member, ...u }) => u) };
}

/** A message previously posted by the bot with one button (target of button interactions). */
export function botMessageWithButton(world: World, opts: { customId?: string; content?: string; channelId?: string } = {}): APIMessage {
  const button: APIButtonComponentWithCustomId = {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: 'More',
    custom_id: opts.customId ?? 'more',
  };
  return toRestMessage(
    messageCreatePayload(world, {
      author: world.botUser,
      channelId: opts.channelId ?? world.channelId,
      content: opts.content ?? 'An answer with a button',
      components: [{ type: ComponentType.ActionRow, components: [button] }],
    }),
  );
}

// ---------------------------------------------------------------------------
// interactions

export interface BaseInteractionOptions {
  /** Invoking user; defaults to `world.user`. */
  user?: APIUser;
  /** Defaults to `world.channelId`. */
  channelId?: string;
  locale?: Locale;
  id?: string;
  token?: string;
  /** When Discord created the interaction (its snowflake; the 3 s deadline counts from it). Default: now. */
  createdAt?: number;
  /** Another guild than `world.guildId` (e.g. one owned by another shard, see `guildIdOnShard`). */
  guildId?: string;
  /** The guild's preferred locale; defaults to `world.guildLocale`. */
  guildLocale?: Locale;
}

/** The creation time Discord encodes in a snowflake (ms since 1970). */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** A guild id that Discord routes to `shard` of `count` (`(id >> 22) % count`). */
export function guildIdOnShard(shard: number, count: number, at: number = Date.now()): string {
  for (let t = at; ; t--) {
    const id = snowflake(t);
    if (Number((BigInt(id) >> 22n) % BigInt(count)) === shard) return id;
  }
}

export type OptionValues =
  | APIApplicationCommandInteractionDataOption[]
  // Shorthand: strings → STRING, booleans → BOOLEAN, integers → INTEGER, other numbers → NUMBER.
  | Record<string, string | number | boolean>;

function base<T extends InteractionTypeT>(world: World, type: T, opts: BaseInteractionOptions) {
  const user = opts.user ?? world.user;
  const channelId = opts.channelId ?? world.channelId;
  const id = opts.id ?? snowflake(opts.createdAt);
  const guildId = opts.guildId ?? world.guildId;
  const guildLocale = opts.guildLocale ?? world.guildLocale;
  return {
    id,
    application_id: world.applicationId,
    type,
    token: opts.token ?? fakeInteractionToken(id),
    version: 1 as const,
    guild_id: guildId,
    guild: { id: guildId, locale: guildLocale, features: [] },
    channel_id: channelId,
    channel: {
      ...channelObject(world, channelId),
      permissions: computePermissions(world, user.id, channelId).toString(),
    } as APIChannel & { permissions: string },
    member: interactionMember(world, user, channelId),
    locale: opts.locale ?? world.locale,
    guild_locale: guildLocale,
    app_permissions: computePermissions(world, world.botUserId, channelId).toString(),
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

function toOptions(values: OptionValues | undefined): APIApplicationCommandInteractionDataOption[] {
  if (!values) return [];
  if (Array.isArray(values)) return values;
  return Object.entries(values).map(([name, value]): APIApplicationCommandInteractionDataOption => {
    if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (Number.isInteger(value)) return { name, type: ApplicationCommandOptionType.Integer, value };
    return { name, type: ApplicationCommandOptionType.Number, value };
  });
}

function wrapSubcommand(
  options: APIApplicationCommandInteractionDataOption[],
  subcommand?: string,
  subcommandGroup?: string,
): APIApplicationCommandInteractionDataOption[] {
  if (!subcommand) return options;
  const sub = { name: subcommand, type: ApplicationCommandOptionType.Subcommand, options } as APIApplicationCommandInteractionDataOption;
  if (!subcommandGroup) return [sub];
  return [{ name: subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] } as APIApplicationCommandInteractionDataOption];
}

/** Users referenced by USER/MENTIONABLE options must be in `data.resolved` or discord.js cannot resolve them. */
function resolvedFor(world: World, options: APIApplicationCommandInteractionDataOption[]): APIInteractionDataResolved | undefined {
  const users: Record<string, APIUser> = {};
  const members: NonNullable<APIInteractionDataResolved['members']> = {};
  const visit = (opts: APIApplicationCommandInteractionDataOption[]) => {
    for (const o of opts) {
      if ('options' in o && Array.isArray(o.options)) visit(o.options as APIApplicationCommandInteractionDataOption[]);
      if (o.type === ApplicationCommandOptionType.User || o.type === ApplicationCommandOptionType.Mentionable) {
        const user = findUser(world, String(o.value));
        if (!user) continue;
        users[user.id] = user;
        const { user: _u, deaf: _d, mute: _m, ...member } = guildMember(world, user);
        members[user.id] = { ...member, permissions: computePermissions(world, user.id, world.channelId).toString() };
      }
    }
  };
  visit(options);
  return Object.keys(users).length ? { users, members } : undefined;
}

export interface ChatInputOptions extends BaseInteractionOptions {
  commandName: string;
  commandId?: string;
  options?: OptionValues;
  subcommand?: string;
  subcommandGroup?: string;
}

export function chatInputInteraction(world: World, opts: ChatInputOptions): APIChatInputApplicationCommandGuildInteraction {
  const options = wrapSubcommand(toOptions(opts.options), opts.subcommand, opts.subcommandGroup);
  const resolved = resolvedFor(world, options);
  return {
    ...base(world, InteractionType.ApplicationCommand, opts),
    data: {
      id: opts.commandId ?? snowflake(),
      name: opts.commandName,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(resolved ? { resolved } : {}),
    },
  };
}

export interface AutocompleteOptions extends BaseInteractionOptions {
  commandName: string;
  commandId?: string;
  /** The option the user is typing in (STRING unless `type` is given). */
  focused: { name: string; value: string | number; type?: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number };
  /** Other options already filled in. */
  options?: OptionValues;
  subcommand?: string;
  subcommandGroup?: string;
}

export function autocompleteInteraction(world: World, opts: AutocompleteOptions): APIApplicationCommandAutocompleteGuildInteraction {
  const focused = {
    name: opts.focused.name,
    type: opts.focused.type ?? ApplicationCommandOptionType.String,
    // Discord sends the partial input as a string whatever the option type.
    value: String(opts.focused.value),
    focused: true,
  } as APIApplicationCommandInteractionDataOption;
  const options = wrapSubcommand([...toOptions(opts.options), focused], opts.subcommand, opts.subcommandGroup);
  return {
    ...base(world, InteractionType.ApplicationCommandAutocomplete, opts),
    data: {
      id: opts.commandId ?? snowflake(),
      name: opts.commandName,
      type: ApplicationCommandType.ChatInput,
      options,
    },
  } as APIApplicationCommandAutocompleteGuildInteraction;
}

export interface ButtonOptions extends BaseInteractionOptions {
  customId: string;
  /** The message carrying the button; defaults to a bot message with that button. */
  message?: APIMessage;
}

export function buttonInteraction(world: World, opts: ButtonOptions): APIMessageComponentGuildInteraction {
  const channelId = opts.channelId ?? opts.message?.channel_id ?? world.channelId;
  const message = opts.message ?? botMessageWithButton(world, { customId: opts.customId, channelId });
  return {
    ...base(world, InteractionType.MessageComponent, { ...opts, channelId }),
    data: { custom_id: opts.customId, component_type: ComponentType.Button },
    message,
  };
}

export interface MessageContextMenuOptions extends BaseInteractionOptions {
  commandName: string;
  commandId?: string;
  /** The message right-clicked; defaults to a message by `world.otherUser`. */
  target?: APIMessage;
  /** Shorthand for a target message with this content. */
  targetContent?: string;
}

export function messageContextMenuInteraction(world: World, opts: MessageContextMenuOptions): APIMessageApplicationCommandGuildInteraction {
  const channelId = opts.channelId ?? opts.target?.channel_id ?? world.channelId;
  const target =
    opts.target ??
    toRestMessage(messageCreatePayload(world, { author: world.otherUser, channelId, content: opts.targetContent ?? 'A message to ask about' }));
  return {
    ...base(world, InteractionType.ApplicationCommand, { ...opts, channelId }),
    data: {
      id: opts.commandId ?? snowflake(),
      name: opts.commandName,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}
