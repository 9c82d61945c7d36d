import pino from 'pino';
import { Engine } from '../../src/answer/engine.js';
import { engineConfigFrom, engineEnvSchema, parseEnv, type EngineConfig } from '../../src/config.js';
import type { Embedder } from '../../src/search/dense.js';

export const silentLogger = pino({ level: 'silent' });

/** Engine configuration as the CLI would read it, offline, with overrides. */
export function testConfig(env: Record<string, string> = {}): EngineConfig {
  return engineConfigFrom(parseEnv(engineEnvSchema, { OFFLINE: '1', EMBEDDING_MODEL: 'none', ...env }));
}

/** The real engine in offline lexical mode over the real corpus (with the installed FreeDict files). */
export function lexicalEngine(env: Record<string, string> = {}, embedder?: Embedder): Promise<Engine> {
  return Engine.create(testConfig(env), { logger: silentLogger, ...(embedder ? { embedder } : {}) });
}
