import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedInflectedTerms, inflectedTerms, prefixedVerbTerms, spellingsOf } from '../src/search/inflected.js';
import type { VerbForms } from '../src/search/verb-forms.js';
import { languageByCode } from '../src/text/languages.js';

const fr = languageByCode('fr')!;
const table: Record<string, string[]> = { reconnu: ['reconnaitre'], tiennent: ['tenir'] };
const infinitives = new Set(['reconnaitre', 'tenir', 'envoler', 'voler', 'envoyer', 'entretenir', 'tenir', 'lier', 'enlier']);
const verbForms: VerbForms = { infinitives: (form) => table[form] ?? [], allInfinitives: async () => infinitives };
// [surface, stem] as the corpus vocabulary gives them.
const forms: [string, string][] = [['reconnu', 'reconnu'], ['tiennent', 'tiennent'], ['disputent', 'disputent'], ['soldats', 'soldat']];
const terms = new Set(['reconnu', 'tiennent', 'disputent', 'soldat']);

describe('verb forms in the index', () => {
  it('files each form under its infinitive’s stem, from the table or, for French, the -ent and -u endings', () => {
    const inflected = inflectedTerms(forms, terms, fr, verbForms);
    expect(inflected.get('reconnaitr')).toEqual(['reconnu']);
    expect(inflected.get('ten')).toEqual(['tiennent']);
    expect(inflected.get('disput')).toEqual(['disputent']);
    expect(inflected.get('reconn')).toEqual(['reconnu']);
    expect([...inflected.values()].flat()).not.toContain('soldat');
  });

  it('does not file a preposition kept whole as a form of the verb it is spelt like (contre, entre)', () => {
    const spelt: VerbForms = { infinitives: (form) => ({ contre: ['contrer'], entre: ['entrer'] })[form] ?? [], allInfinitives: async () => new Set<string>() };
    const prepositions: [string, string][] = [['contre', 'contre'], ['entre', 'entre']];
    expect(inflectedTerms(prepositions, new Set(['contre', 'entre']), fr, spelt).size).toBe(0);
  });

  it('does not file a name as a verb form (Armée nationale libyenne is no form of armer)', () => {
    const armee: VerbForms = { infinitives: (form) => (form === 'armee' ? ['armer'] : []), allInfinitives: async () => new Set<string>() };
    const nameForms: [string, string][] = [['armee', 'arme']];
    expect(inflectedTerms(nameForms, new Set(['arme']), fr, armee, (surface) => surface === 'armee').size).toBe(0);
    expect(inflectedTerms(nameForms, new Set(['arme']), fr, armee).get('armer')).toEqual(['arme']);
  });

    it('files a word only if the corpus spells it like the verb form, accents included', () => {
    const armes: VerbForms = { infinitives: (form, spelling) => (form === 'armes' && (spelling === undefined || spelling === 'armés') ? ['armer'] : []), allInfinitives: async () => new Set<string>() };
    const weapons: [string, string][] = [['armes', 'arme']];
    expect(inflectedTerms(weapons, new Set(['arme']), fr, armes, () => false, () => ['armes']).size).toBe(0);
    expect(inflectedTerms(weapons, new Set(['arme']), fr, armes, () => false, () => ['armés']).get('armer')).toEqual(['arme']);
  });

    it('reads how the corpus spells each folded word, accents kept', () => {
    const spellings = spellingsOf(['Les armes sont là.', 'Des hommes ARMÉS.']);
    expect(spellings('armes')).toEqual(['armes', 'armés']);
    expect(spellings('la')).toEqual(['là']);
    expect(spellings('soldat')).toEqual([]);
  });

    it('only files index terms (a form the index dropped is not one)', () => {
    expect(inflectedTerms(forms, new Set(['soldat']), fr, verbForms).size).toBe(0);
  });

  it('files a verb made with a sense-keeping prefix under its base verb: envol (s’envoler) under vol (voler)', () => {
    // envoyer is no form of a verb "voyer"; entretenir is entre + tenir, not en + "tretenir";
    // enlier's base (lier) is too short to be trusted as the verb inside it.
    const prefixed = prefixedVerbTerms(new Set(['envol', 'envoi', 'entreten', 'enli', 'soldat']), fr, infinitives);
    expect([...prefixed]).toEqual([['vol', ['envol']]]);
    expect(prefixedVerbTerms(new Set(['envol']), languageByCode('es')!, infinitives).size).toBe(0);
  });

  it('is cached: the table is not read again for the same corpus, and a damaged cache is recomputed', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'inflected-'));
    const tableFile = path.join(cacheDir, 'absent.verbs.gz');
    let loads = 0;
    const load = async (): Promise<VerbForms> => {
      loads++;
      return verbForms;
    };
    const withPrefixed: [string, string][] = [...forms, ['envoles', 'envol']];
    const allTerms = new Set([...terms, 'envol']);
    const first = await cachedInflectedTerms(withPrefixed, allTerms, fr, tableFile, cacheDir, load);
    const second = await cachedInflectedTerms(withPrefixed, allTerms, fr, tableFile, cacheDir, load);
    expect(loads).toBe(1);
    expect([...second.inflected]).toEqual([...first.inflected]);
    expect(second.inflected.get('reconnaitr')).toEqual(['reconnu']);
    expect(second.prefixed.get('vol')).toEqual(['envol']);

    const [file] = (await readdir(cacheDir)).filter((name) => name.startsWith('inflected.'));
    await writeFile(path.join(cacheDir, file!), '{"inflected": [["reconnaitr", 3]]');
    const repaired = await cachedInflectedTerms(withPrefixed, allTerms, fr, tableFile, cacheDir, load);
    expect(loads).toBe(2);
    expect([...repaired.inflected]).toEqual([...first.inflected]);
    expect([...repaired.prefixed]).toEqual([...first.prefixed]);

    // Another corpus is another entry.
    await cachedInflectedTerms(forms.slice(0, 1), new Set(['reconnu']), fr, tableFile, cacheDir, load);
    expect(loads).toBe(3);
  });
});
