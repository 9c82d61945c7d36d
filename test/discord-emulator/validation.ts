// Discord-style errors and the subset of Discord's body validation that bots
// commonly trip over (message length, embed limits, empty messages,
// autocomplete choices, command names). Error shapes follow Discord's JSON
// error format so discord.js builds a real DiscordAPIError from them.

export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown inside route handlers; turned into an HTTP reply. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(message);
  }

  toReply(): ApiReply {
    return {
      status: this.status,
      body: { message: this.message, code: this.code, ...(this.errors === undefined ? {} : { errors: this.errors }) },
    };
  }
}

export const Errors = {
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
  notFound: () => new ApiError(404, 0, '404: Not Found'),
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new ApiError(404, 10004, 'Unknown Guild'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownUser: () => new ApiError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownCommand: () => new ApiError(404, 10063, 'Unknown application command'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  cannotEditOthers: () => new ApiError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
  missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
  invalidWebhookToken: () => new ApiError(401, 50027, 'Invalid Webhook Token'),
  invalidJson: () => new ApiError(400, 50109, 'The request body contains invalid JSON.'),
  notAuthorizedForApplication: () => new ApiError(403, 20012, 'You are not authorized to perform this action on this application'),
};

type Path = (string | number)[];

/** Collects field errors into Discord's nested `{ a: { 0: { b: { _errors: [...] } } } }` form. */
export class FormErrors {
  private readonly root: Record<string, unknown> = {};
  private count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const k = String(key);
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    ((node._errors ??= []) as unknown[]).push({ code, message });
    this.count++;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw new ApiError(400, 50035, 'Invalid Form Body', this.root);
  }
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function maxLength(errors: FormErrors, path: Path, value: unknown, max: number): void {
  if (typeof value === 'string' && [...value].length > max) {
    errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

function validateEmbeds(errors: FormErrors, path: Path, embeds: unknown): void {
  if (!Array.isArray(embeds)) return;
  if (embeds.length > 10) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((raw, i) => {
    const e = asRecord(raw) ?? {};
    const p = [...path, i];
    maxLength(errors, [...p, 'title'], e.title, 256);
    maxLength(errors, [...p, 'description'], e.description, 4096);
    const footer = asRecord(e.footer);
    const author = asRecord(e.author);
    maxLength(errors, [...p, 'footer', 'text'], footer?.text, 2048);
    maxLength(errors, [...p, 'author', 'name'], author?.name, 256);
    total += str(e.title).length + str(e.description).length + str(footer?.text).length + str(author?.name).length;
    const fields = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > 25) errors.add([...p, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    fields.forEach((rawField, j) => {
      const f = asRecord(rawField) ?? {};
      maxLength(errors, [...p, 'fields', j, 'name'], f.name, 256);
      maxLength(errors, [...p, 'fields', j, 'value'], f.value, 1024);
      if (!str(f.name) || !str(f.value)) errors.add([...p, 'fields', j], 'BASE_TYPE_REQUIRED', 'This field is required');
      total += str(f.name).length + str(f.value).length;
    });
  });
  if (total > 6000) errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

/**
 * Validates a message create/edit body. `path` is where the body sits in the
 * request (`['data']` for interaction callbacks) so error paths match Discord's.
 */
export function validateMessage(
  body: unknown,
  path: Path,
  opts: { create: boolean; fileCount: number; existingHasContent?: boolean },
): void {
  const b = asRecord(body) ?? {};
  const errors = new FormErrors();
  maxLength(errors, [...path, 'content'], b.content, 2000);
  validateEmbeds(errors, [...path, 'embeds'], b.embeds);
  if (Array.isArray(b.components) && b.components.length > 5 && !(Number(b.flags ?? 0) & (1 << 15))) {
    errors.add([...path, 'components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  }
  errors.throwIfAny();
  if (!opts.create) return;
  const hasContent =
    str(b.content).length > 0 ||
    (Array.isArray(b.embeds) && b.embeds.length > 0) ||
    (Array.isArray(b.components) && b.components.length > 0) ||
    (Array.isArray(b.sticker_ids) && b.sticker_ids.length > 0) ||
    b.poll !== undefined && b.poll !== null ||
    opts.fileCount > 0;
  if (!hasContent) throw Errors.emptyMessage();
}

export function validateAutocompleteChoices(body: unknown): void {
  const data = asRecord(asRecord(body)?.data);
  const choices = data?.choices;
  const errors = new FormErrors();
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else {
    if (choices.length > 25) errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    choices.forEach((raw, i) => {
      const c = asRecord(raw) ?? {};
      const name = str(c.name);
      if (name.length < 1 || name.length > 100) {
        errors.add(['data', 'choices', i, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      }
      if (typeof c.value === 'string') maxLength(errors, ['data', 'choices', i, 'value'], c.value, 100);
      else if (typeof c.value !== 'number') errors.add(['data', 'choices', i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
    });
  }
  errors.throwIfAny();
}

// Discord's documented CHAT_INPUT name rule (lowercase where the script has case).
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateOptions(errors: FormErrors, path: Path, options: unknown): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  let seenOptional = false;
  options.forEach((raw, i) => {
    const o = asRecord(raw) ?? {};
    const name = str(o.name);
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      errors.add([...path, i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
    }
    const desc = str(o.description);
    if (desc.length < 1 || desc.length > 100) {
      errors.add([...path, i, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
    if (o.type !== 1 && o.type !== 2) {
      if (o.required) {
        if (seenOptional) errors.add([...path, i], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
      } else seenOptional = true;
    }
    if (Array.isArray(o.choices) && o.choices.length > 25) {
      errors.add([...path, i, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
    if (o.autocomplete && Array.isArray(o.choices) && o.choices.length > 0) {
      errors.add([...path, i, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES', 'Autocomplete cannot be set with choices');
    }
    validateOptions(errors, [...path, i, 'options'], o.options);
  });
}

/** Validates a bulk overwrite (error paths indexed) or a single command (`single`, paths at the root). */
export function validateCommands(commands: unknown[], single = false): void {
  const errors = new FormErrors();
  const seen = new Set<string>();
  commands.forEach((raw, i) => {
    const c = asRecord(raw) ?? {};
    const p: Path = single ? [] : [i];
    const type = c.type === undefined ? 1 : Number(c.type);
    const name = str(c.name);
    if (type === 1) {
      if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
        errors.add([...p, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
      }
      const desc = str(c.description);
      if (desc.length < 1 || desc.length > 100) {
        errors.add([...p, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      }
      validateOptions(errors, [...p, 'options'], c.options);
    } else if (name.length < 1 || name.length > 32) {
      errors.add([...p, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
    }
    const key = `${type}:${name}`;
    if (seen.has(key)) errors.add([...p, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
  });
  errors.throwIfAny();
}
