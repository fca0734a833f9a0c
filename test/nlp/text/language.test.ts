import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, languageWarnings } from '../../../src/nlp/text/language.js';

const seeds = readdirSync('seeds').filter((name) => name.endsWith('.txt')).map((name) => readFileSync(join('seeds', name), 'utf8'));
// English prose that is really in the project: the README's opening paragraph.
const english = readFileSync('README.md', 'utf8').split('\n\n')[1] ?? '';

describe('detectLanguage (script share of letters)', () => {
  it('finds every seed article Arabic, Latin names and figures in it notwithstanding', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const text of seeds) {
      const language = detectLanguage(text);
      expect(language.code).toBe('ar');
      expect(language.script).toBe('Arabic');
      expect(language.arabicShare).toBeGreaterThan(0.9);
      expect(languageWarnings(language)).toEqual([]);
    }
  });

  it('finds English prose not Arabic, and says so in a warning', () => {
    expect(english).toMatch(/streaming NLP pipeline/);
    const language = detectLanguage(english);
    expect(language).toEqual({ code: 'other', arabicShare: 0, script: 'Latin' });
    expect(languageWarnings(language)).toEqual([{ code: 'not-arabic', message: expect.stringMatching(/^not Arabic text: 0 % of its letters are Arabic \(mostly Latin\)/) }]);
  });

  it('tells other scripts apart and counts only letters (digits and punctuation are not evidence)', () => {
    expect(detectLanguage('Президент заявил, что 25 человек погибли.').script).toBe('Cyrillic');
    expect(detectLanguage('2021-07-13 — 1,500 / 2,500 !!!')).toEqual({ code: 'none', arabicShare: 0, script: null });
    const quoted = `${seeds[0]?.slice(0, 600) ?? ''}\n\n"We will not leave Iraq," the spokesman said.`;
    expect(detectLanguage(quoted).code).toBe('ar');
    const mostlyEnglish = `${english}\n\nقال المتحدث`;
    const mixed = detectLanguage(mostlyEnglish);
    expect(mixed.code).toBe('other');
    expect(mixed.arabicShare).toBeGreaterThan(0);
    expect(mixed.arabicShare).toBeLessThan(0.1);
  });
});
