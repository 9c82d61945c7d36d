#!/usr/bin/env node
/**
 * `npm run deploy-commands`: registers the commands of commands/index.ts with Discord, in one
 * guild when DISCORD_GUILD_ID is set (updates show at once: use it while developing), else
 * globally. A bulk overwrite, so commands removed from the list disappear from Discord too.
 */
import { DiscordAPIError, REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandsJson } from '../../commands/index.js';
import { ConfigError } from '../config.js';
import { formatConfigError, loadDeployConfig, loadDotEnv, type DeployConfig } from './config.js';
import { isEntryPoint } from './entry.js';
import { scrubSecrets } from '../logger.js';

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly guildId: string | null;
  readonly names: string[];
}

export async function deployCommands(
  config: DeployConfig,
  options: { body?: RESTPostAPIApplicationCommandsJSONBody[]; rest?: REST } = {},
): Promise<DeployResult> {
  const body = options.body ?? commandsJson();
  const rest = options.rest ?? new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: config.guildId ? 'guild' : 'global', guildId: config.guildId, names: registered.map((c) => c.name) };
}

export function describeDeploy(result: DeployResult): string {
  const n = result.names.length;
  const where =
    result.scope === 'guild'
      ? `in guild ${result.guildId} (available there now)`
      : 'globally (every server the bot is in; Discord may take a few minutes to show them)';
  return `Registered ${n} command${n === 1 ? '' : 's'} ${where}: ${result.names.join(', ')}.\n`;
}

/** What to check for the errors people actually hit. */
function hint(error: unknown): string {
  if (!(error instanceof DiscordAPIError)) return '';
  if (error.status === 401) return ' Check DISCORD_TOKEN (Developer Portal → Bot → Reset Token).';
  if (error.status === 403 || error.code === 50001) {
    return ' Check DISCORD_CLIENT_ID and, for a guild, that the bot was invited to it with the applications.commands scope.';
  }
  if (error.code === 10004) return ' DISCORD_GUILD_ID is not a server the bot is in.';
  if (error.status === 400) return ` Discord rejected the command definitions: ${JSON.stringify(error.rawError)}`;
  return '';
}

export async function runDeploy(env: Record<string, string | undefined> = process.env): Promise<number> {
  let config: DeployConfig;
  try {
    loadDotEnv();
    config = loadDeployConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(formatConfigError(error));
      return 1;
    }
    throw error;
  }
  try {
    process.stdout.write(describeDeploy(await deployCommands(config)));
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: could not register the commands: ${scrubSecrets(message, [config.token])}.${hint(error)}\n`);
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await runDeploy();
}
