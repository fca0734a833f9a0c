import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntityMentionSchema, type EntityMention } from '../../../src/schema/entities.js';
import { loadNerModel } from '../../../src/models/ner.js';
import { prepareMentions, resolveEntityIds, tagEntities } from '../../../src/nlp/ner/index.js';
import { analyseText } from '../../../src/nlp/text/index.js';
import { MemoryEntityRegistry } from '../../../src/store/entity-registry.js';
import { projectPath } from '../../../src/paths.js';
import { missedSeedNames, nameKey as key } from '../../../training/ner/seed-names.js';

const model = loadNerModel();
const seedFiles = readdirSync(projectPath('seeds')).filter((f) => f.endsWith('.txt')).sort();
const seeds = seedFiles.map((file) => ({ file, text: readFileSync(projectPath('seeds', file), 'utf8') }));
const registry = new MemoryEntityRegistry();
const tagged = seeds.map(({ file, text }) => ({
  file,
  text,
  entities: tagEntities(analyseText(text), text, model, { registry, articleId: file }),
}));

/** The entity whose span covers the occurrence of `word` at its `nth` place in the text. */
function entityAt(text: string, entities: EntityMention[], word: string, nth = 0): EntityMention | undefined {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`«${word}» is not in the text`);
  return entities.find((e) => e.start < at + word.length && e.end > at);
}

describe('named entities on the seed articles', () => {
  it('every mention is a valid record entity whose span is its text', () => {
    for (const { text, entities } of tagged) {
      expect(entities.length).toBeGreaterThan(20);
      for (const e of entities) {
        expect(EntityMentionSchema.parse(e)).toEqual(e);
        expect(text.slice(e.start, e.end)).toBe(e.text);
        expect(e.text.trim()).toBe(e.text);
      }
    }
  });

  it('keeps clitics outside the span and links the bare name (وواشنطن, لبغداد, للكاظمي, لقاآني)', () => {
    const [s000, , s002, , s004] = tagged;
    const washington = entityAt(s000!.text, s000!.entities, 'وواشنطن');
    expect(washington).toMatchObject({ text: 'واشنطن', type: 'LOC' });
    const baghdad = entityAt(s002!.text, s002!.entities, 'لبغداد');
    expect(baghdad).toMatchObject({ text: 'بغداد', type: 'LOC' });
    const kadhimi = entityAt(s000!.text, s000!.entities, 'للكاظمي');
    expect(kadhimi).toMatchObject({ text: 'كاظمي', type: 'PER', canonical: 'مصطفى الكاظمي' });
    const qaani = entityAt(s004!.text, s004!.entities, 'لقاآني');
    expect(qaani).toMatchObject({ text: 'قاآني', type: 'PER', canonical: 'اسماعيل قاآني' });
    // Document consistency: the same ids as the full names in the same article.
    expect(kadhimi!.entityId).toBe(entityAt(s000!.text, s000!.entities, 'مصطفى الكاظمي')!.entityId);
    expect(qaani!.entityId).toBe(entityAt(s004!.text, s004!.entities, 'اسماعيل قاآني')!.entityId);
  });

  it('gives a family name alone the full name as canonical and the same id (الكاظمي → مصطفى الكاظمي)', () => {
    for (const { text, entities } of tagged) {
      const full = entities.filter((e) => e.text === 'مصطفى الكاظمي');
      const alone = entities.filter((e) => e.text === 'الكاظمي');
      if (full.length === 0 || alone.length === 0) continue;
      for (const e of alone) expect(e).toMatchObject({ canonical: 'مصطفى الكاظمي', entityId: full[0]!.entityId });
      expect(text).toContain('الكاظمي');
    }
    expect(tagged.filter(({ entities }) => entities.some((e) => e.text === 'الكاظمي')).length).toBeGreaterThanOrEqual(3);
  });

  it('tags a spelling variant of a name tagged elsewhere in the article, with the usual spelling as canonical', () => {
    const s003 = tagged[3]!;
    // «علي خامئني» (headline, misspelt, no verb) and «علي خامنئي» (body): one person.
    const headline = entityAt(s003.text, s003.entities, 'علي خامئني');
    const body = entityAt(s003.text, s003.entities, 'علي خامنئي');
    expect(headline).toMatchObject({ text: 'علي خامئني', type: 'PER', canonical: 'علي خامنئي' });
    expect(headline!.entityId).toBe(body!.entityId);
    // The spelling key keeps the article and doubled letters: «إيران» is not a variant of
    // «الإيرانيين», nor the verb «تجمع» of «تتجمع».
    for (const { entities } of tagged) {
      for (const e of entities.filter((m) => m.text === 'إيران')) expect(e.canonical).toBe('إيران');
      expect(entities.filter((m) => m.text === 'تجمع')).toEqual([]);
    }
  });

  it('gives spelling variants and aliases found in different seeds one entity id', () => {
    const idsOf = (form: string): Set<string> =>
      new Set(tagged.flatMap(({ entities }) => entities.filter((e) => key(e.text) === key(form)).map((e) => e.entityId)));
    const samePairs: Array<[string, string]> = [
      ['دونالد ترمب', 'دونالد ترامب'], // 003 vs 001/004
      ['اسماعيل قاآني', 'إسماعيل قاآني'], // 002/004 vs 003
      ['داعش', 'تنظيم الدولة الإسلامية'],
      ['أميركا', 'الولايات المتحدة'],
      ['الكاظمي', 'مصطفى الكاظمي'],
      ['قاآني', 'اسماعيل قاآني'],
    ];
    for (const [a, b] of samePairs) {
      const ids = new Set([...idsOf(a), ...idsOf(b)]);
      expect(idsOf(a).size, a).toBeGreaterThan(0);
      expect(idsOf(b).size, b).toBeGreaterThan(0);
      expect(ids.size, `${a} = ${b}`).toBe(1);
    }
    // Different people stay apart.
    expect(idsOf('صدام حسين')).not.toEqual(idsOf('فؤاد حسين'));
  });

  // The acceptance list: every person, organisation and place named in the seeds. The tagger does
  // not find all of them yet; the misses are listed here (and in the NER report) so that this test
  // fails on any new miss. A name counts as found when a mention of its type has its words (a span
  // a few letters shorter, e.g. without a head noun's clitic or the article elided after «ل», counts;
  // «حزب الله» for «كتائب حزب الله» does not).
  const KNOWN_MISSES = new Set([
    '000 ORG:كتائب حزب الله العراقي', '000 PER:طائب',
    '001 PER:جوي هيد',
    // «بمدينة الصدر»: found as LOC «الصدر»; our span convention leaves settlement heads (مدينة,
    // محافظة, حي) outside the name, as ANERcorp does (training/ner/conventions.ts).
    '002 LOC:مدينة الصدر', '002 ORG:الصندوق الوطني للديمقراطية',
    '002 ORG:كتائب حزب الله العراقي', '002 PER:أبوعلي العسكري',
    '003 ORG:المقاومة الإسلامية العراقية',
    // Found by the weights of 2026-12-03, lost by those of 2026-12-06 (WikiFANE in the training mix):
    // a regression from 142 to 141 of 150, reported in src/nlp/ner/README.md, not hidden.
    '002 ORG:تنسيقية المقاومة',
  ]);

  it('finds the names of the seeds, except the listed misses', () => {
    const { total, missed } = missedSeedNames(tagged);
    expect(total).toBeGreaterThan(140);
    expect(missed.filter((m) => !KNOWN_MISSES.has(m))).toEqual([]);
  });

  it('tags no person inside a head noun\'s construct («قاعدة عين الأسد»: no Assad there)', () => {
    for (const { text, entities } of tagged) {
      for (const e of entities) {
        if (e.type === 'PER') expect(text.slice(Math.max(0, e.start - 4), e.end), e.text).not.toMatch(/عين الأسد$/);
      }
    }
    expect(tagged.filter(({ text }) => text.includes('قاعدة عين الأسد')).length).toBeGreaterThanOrEqual(3);
  });

  it('prepareMentions + resolveEntityIds is the same as tagEntities without a registry', () => {
    const { text } = seeds[2]!;
    const layer = analyseText(text);
    expect(resolveEntityIds(prepareMentions(layer, text, model))).toEqual(tagEntities(layer, text, model));
  });

  it('tags nothing in an empty or entity-free text', () => {
    expect(tagEntities(analyseText(''), '', model)).toEqual([]);
    const text = 'وقال إن الوضع صعب جدا في هذه الأيام .';
    expect(tagEntities(analyseText(text), text, model)).toEqual([]);
  });
});
