import path from 'node:path';
import type { z as Zod } from 'zod';
import { z } from './zod.js';
import { PACKAGE_ROOT } from './paths.js';

/** A configuration problem, one line per variable, meant to be printed as is. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** A yes/no environment variable. */
export const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['', '0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), 'must be 1/0, true/false, yes/no or on/off')
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const unitInterval = z.coerce.number().min(0).max(1);

export const engineEnvSchema = z.object({
  CORPUS_DIR: z.string().trim().min(1).default(path.join(PACKAGE_ROOT, 'corpus')),
  EMBEDDING_MODEL: z.string().trim().min(1).default('Xenova/multilingual-e5-small'),
  MODEL_DIR: optionalText,
  OFFLINE: flag.default(false),
  CACHE_DIR: z.string().trim().min(1).default(path.join(PACKAGE_ROOT, '.cache')),
  ANSWER_THRESHOLD: unitInterval.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  NODE_ENV: z.string().trim().default('development'),
});

export interface EngineConfig {
  readonly corpusDir: string;
  /** null when dense retrieval is switched off (`EMBEDDING_MODEL=none`). */
  readonly embeddingModel: string | null;
  readonly modelDir: string | null;
  readonly offline: boolean;
  readonly cacheDir: string;
  /** The shipped lexicon data (data/lexicons). */
  readonly dataDir: string;
  /** Overrides the calibrated "answered" threshold. */
  readonly answerThreshold: number | null;
}

export interface LogConfig {
  readonly level: string;
  readonly pretty: boolean;
}

/** Turns zod issues into one readable line per variable. */
export function describeIssues(issues: readonly Zod.core.$ZodIssue[], env: Record<string, string | undefined>): string[] {
  return issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    if (issue.code === 'invalid_type' && env[key] === undefined) return `${key} is required but not set.`;
    // Never echo a value back: it may be a secret.
    return `${key} is invalid: ${issue.message}.`;
  });
}

export function parseEnv<T extends Zod.ZodType>(schema: T, env: Record<string, string | undefined>): Zod.output<T> {
  const result = schema.safeParse(env);
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, env));
  return result.data;
}

export function engineConfigFrom(env: Zod.output<typeof engineEnvSchema>): EngineConfig {
  const model = env.EMBEDDING_MODEL;
  return {
    corpusDir: path.resolve(env.CORPUS_DIR),
    embeddingModel: model.toLowerCase() === 'none' ? null : model,
    modelDir: env.MODEL_DIR ? path.resolve(env.MODEL_DIR) : null,
    offline: env.OFFLINE,
    cacheDir: path.resolve(env.CACHE_DIR),
    dataDir: path.join(PACKAGE_ROOT, 'data', 'lexicons'),
    answerThreshold: env.ANSWER_THRESHOLD ?? null,
  };
}

export function logConfigFrom(env: { LOG_LEVEL?: string | undefined; NODE_ENV: string }, fallbackLevel = 'info'): LogConfig {
  return { level: env.LOG_LEVEL ?? fallbackLevel, pretty: env.NODE_ENV !== 'production' };
}

/** Engine settings from the environment (used by the CLI; the bot extends the schema). */
export function loadEngineEnv(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(engineEnvSchema, env);
  // The CLI states its mode in its own output, so its log shows only errors unless asked.
  return { engine: engineConfigFrom(parsed), log: logConfigFrom(parsed, 'error') };
}
