// Every word in the person's language: the pages a person meets (home, the self-check from its
// first step to the result, the forms, the status page, where to go, sources, privacy,
// accessibility) are opened in each of the ten other languages and their visible text is
// searched for the Italian or English sentences of our own texts that this language translates
// differently. A sentence left in Italian (a text missing from a catalogue, a data file shown as
// it is) shows up here, named with its key.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const LOCALES = join(__dirname, '..', '..', 'locales');
const LANGUAGES = ['en', 'es', 'fr', 'ro', 'sq', 'uk', 'ar', 'ur', 'bn', 'zh-Hans'];
const PAGES = [
  '/',
  '/sportelli',
  '/fonti',
  '/privacy',
  '/accessibilita',
  '/territorio',
  '/verifica/inizio',
  '/verifica/comune',
  '/verifica/eta',
  '/verifica/area-economic',
  '/verifica/risultato',
  '/domanda',
  '/domanda/fragilita/persona',
  '/stato',
  '/stato/segnalazione',
];
/** A self-check on the device, so that its steps and result show what a person sees. */
const DRAFT = JSON.stringify({
  intent: 'everything',
  answers: { profile: { comune: 'Imola', birth_date: '1990-05-01', in_active_labour_measure: false }, fragility: { income: 2 } },
});

type Texts = Map<string, string>;

function flatten(value: unknown, prefix: string, into: Texts): void {
  if (typeof value === 'string') into.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((item) => flatten(item, prefix, into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!key.startsWith('_')) flatten(item, prefix ? `${prefix}.${key}` : key, into);
    }
  }
}

/** Every text of every catalogue (common, pages, self-check, applications) in one language. */
function texts(language: string): Texts {
  const all: Texts = new Map();
  for (const folder of ['', ...readdirSync(LOCALES).filter((name) => statSync(join(LOCALES, name)).isDirectory())]) {
    const file = join(LOCALES, folder, `${language}.json`);
    try {
      flatten(JSON.parse(readFileSync(file, 'utf8')), '', all);
    } catch {
      // The back office has no catalogue in most languages.
    }
  }
  return all;
}

/** The longest piece of a text between its {parameters}: what a page shows of it for sure. */
function fixedPart(text: string): string {
  return text
    .split(/\{[^}]*\}/)
    .map((piece) => piece.trim())
    .reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

/** Sentences of `source` (key -> text) that `language` says otherwise: long enough to be a
 * sentence, not a name or a code that every language writes alike. */
function foreignSentences(source: Texts, language: Texts): [string, string][] {
  const found: [string, string][] = [];
  for (const [key, text] of source) {
    const own = language.get(key);
    const piece = fixedPart(text);
    if (own === undefined || own.includes(piece) || piece.length < 24 || piece.split(/\s+/).length < 4) continue;
    found.push([key, piece]);
  }
  return found;
}

const italian = texts('it');
const english = texts('en');

for (const language of LANGUAGES) {
  test(`no Italian or English sentence is left in the ${language} pages`, async ({ page }, info) => {
    // The texts are the same on a phone; one project is enough.
    test.skip(info.project.name === 'phone', 'checked on desktop');
    const own = texts(language);
    const foreign = [...foreignSentences(italian, own), ...(language === 'en' ? [] : foreignSentences(english, own))];
    expect(foreign.length).toBeGreaterThan(100);
    await page.addInitScript(
      ([code, draft]) => {
        window.localStorage.setItem('ipl.language', code);
        window.localStorage.setItem('ipl.self_check', draft);
      },
      [language, DRAFT],
    );
    const left: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator('html'), path).toHaveAttribute('lang', language);
      await expect(page.locator('h1').first(), path).not.toBeEmpty();
      await expect(page.locator('body')).toBeVisible();
      const shown = await page.locator('body').innerText();
      for (const [key, sentence] of foreign) {
        if (shown.includes(sentence)) left.push(`${path}: ${key} "${sentence}"`);
      }
    }
    expect(left, `sentences of another language in the ${language} pages`).toEqual([]);
  });
}
