/**
 * The one list of commands: the bot's router and `npm run deploy-commands` both read it, so
 * what is registered with Discord is exactly what the bot handles.
 */
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { CommandModule } from '../src/discord/types.js';
import * as about from './about.js';
import * as ask from './ask.js';
import * as findInArticle from './find-in-article.js';
import * as quote from './quote.js';
import * as summary from './summary.js';

export const commands: readonly CommandModule[] = [ask, summary, quote, about, findInArticle];

/** The registration payload (`PUT /applications/:id/commands`). */
export function commandsJson(list: readonly CommandModule[] = commands): RESTPostAPIApplicationCommandsJSONBody[] {
  return list.map((c) => c.data.toJSON());
}
