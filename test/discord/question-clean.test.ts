// Questions are echoed in replies: cleaning must strip bidi controls and never rebuild mention syntax.
import { describe, expect, it } from 'vitest';
import { cleanQuestion } from '../../src/text/question.js';

const MENTION_SYNTAX = /@everyone|@here|<@[!&]?\d+>|<#\d+>/i;

describe('cleanQuestion', () => {
  it('strips bidi isolates (U+2066–2069) and embeddings/overrides', () => {
    expect(cleanQuestion('How \u2066many\u2069 wounded \u2067will\u2068 Russia\u202e treat?')).toBe('How many wounded will Russia treat?');
  });

  it.each([
    ['zero-width inside @everyone', '@\u200beveryone how many wounded?'],
    ['word joiner inside @here', '@\u2060here how many wounded?'],
    ['bidi isolate inside @everyone', '@\u2066everyone\u2069 how many wounded?'],
    ['soft hyphen inside a user mention', '<@\u00ad123456789012345678> how many wounded?'],
    ['markdown inside @everyone', '@**everyone** how many wounded?'],
    ['a link joining the pieces', '@[x](https://example.com)everyone how many wounded?'],
    ['nested mentions', '<<@123456789012345678>@123456789012345678> how many wounded?'],
    ['a control character inside a role mention', '<@&\u0000123456789012345678> how many wounded?'],
    ['a code span inside a channel mention', '<#`1`23456789012345678> how many wounded?'],
  ])('%s: no mention is rebuilt', (_name, raw) => {
    const cleaned = cleanQuestion(raw);
    expect(cleaned).not.toMatch(MENTION_SYNTAX);
    expect(cleaned).toMatch(/how many wounded\?$/);
  });

  it('keeps an ordinary question as it is', () => {
    expect(cleanQuestion('Combien de blessés la Russie soignera-t-elle ?')).toBe('Combien de blessés la Russie soignera-t-elle ?');
  });
});
