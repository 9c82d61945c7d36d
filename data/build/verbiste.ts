/**
 * Reads Verbiste's conjugation data (Debian package `verbiste`: verbs-<xx>.xml lists each verb
 * with its template, conjugation-<xx>.xml spells each template's endings) into (form,
 * infinitive) pairs: the infinitive, participles and third persons of every verb.
 *
 * A template is named `<model verb, cut>:<ending>` ("rep:aître"): a verb of that template loses
 * the ending and takes each of the template's endings in turn (reconnaître → reconn + u). An
 * empty `<p></p>` is a form the verb lacks; one `<p>` may hold several spellings.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

function decode(text: string): string {
  return text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The persons of a six-form tense that news text uses: the third, singular and plural. */
const THIRD_PERSONS = new Set([2, 5]);

/**
 * Endings of every template's forms that a news text or a question about one uses: infinitives,
 * participles and the third persons; not the first and second persons or the imperative, whose
 * forms are mostly spelt like nouns and adverbs ("tu armes", "je plus"), by template name.
 */
function templateEndings(xml: string): Map<string, string[]> {
  const templates = new Map<string, string[]>();
  for (const match of xml.matchAll(/<template name="([^"]+)">([\s\S]*?)<\/template>/g)) {
    const endings = new Set<string>();
    // Each innermost element that holds <p> forms is one tense (or the infinitive, a participle).
    for (const tense of match[2]!.matchAll(/<([a-z-]+)>\s*((?:<p>[\s\S]*?<\/p>\s*)+)<\/\1>/g)) {
      if (tense[1]!.startsWith('imperative')) continue;
      const persons = [...tense[2]!.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((p) => p[1]!);
      persons.forEach((forms, person) => {
        if (persons.length === 6 && !THIRD_PERSONS.has(person)) return;
        for (const spelling of forms.matchAll(/<i>([^<]*)<\/i>/g)) endings.add(decode(spelling[1]!));
      });
    }
    templates.set(decode(match[1]!), [...endings]);
  }
  return templates;
}

/** (form, infinitive) pairs of a language's verbs, in the files' order; the infinitive itself included. */
export async function readVerbiste(directory: string, code: string): Promise<[string, string][]> {
  const [verbs, conjugation] = await Promise.all([
    readFile(path.join(directory, `verbs-${code}.xml`), 'utf8'),
    readFile(path.join(directory, `conjugation-${code}.xml`), 'utf8'),
  ]);
  const templates = templateEndings(conjugation);
  const pairs: [string, string][] = [];
  for (const match of verbs.matchAll(/<v><i>([^<]+)<\/i>\s*<t>([^<]+)<\/t>/g)) {
    const infinitive = decode(match[1]!);
    const template = decode(match[2]!);
    const ending = template.slice(template.indexOf(':') + 1);
    const endings = templates.get(template);
    // A few Italian entries name a template the file lacks (cucire) or one they do not fit
    // (scrivere under part:ire): data errors, left out.
    if (!endings || !infinitive.endsWith(ending)) continue;
    const radical = infinitive.slice(0, infinitive.length - ending.length);
    for (const form of endings) pairs.push([radical + form, infinitive]);
  }
  return pairs;
}
