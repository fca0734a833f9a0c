import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../src/schema/entities.js';
import { defaultLinkingLexicon } from '../../../src/nlp/ner/aliases.js';
import { phraseKey } from '../../../src/nlp/ner/gazetteer.js';
import { linkArticleMentions } from '../../../src/nlp/ner/linking.js';
import type { TaggedMention } from '../../../src/nlp/ner/mentions.js';

/** Mentions as the tagger would give them, in text order (offsets are only used for order). */
function mentions(...items: Array<[string, EntityType]>): TaggedMention[] {
  let at = 0;
  return items.map(([text, type]) => {
    const m = { text, start: at, end: at + text.length, type, confidence: 0.9, words: phraseKey(text).split(' ') };
    at += text.length + 10;
    return m;
  });
}

const link = (...items: Array<[string, EntityType]>) => linkArticleMentions(mentions(...items), defaultLinkingLexicon());

describe('linking inside one article', () => {
  it('a family name alone is the person named in full (الكاظمي → مصطفى الكاظمي)', () => {
    const { mentions: linked, entities } = link(['مصطفى الكاظمي', 'PER'], ['الكاظمي', 'PER'], ['كاظمي', 'PER']);
    expect(new Set(linked.map((m) => m.entity)).size).toBe(1);
    expect(entities[0]!.canonical).toBe('مصطفى الكاظمي');
    expect(entities[0]!.mentionCount).toBe(3);
  });

  it('the short form of an organisation is the full one when the article gives it (الحشد → الحشد الشعبي)', () => {
    const { mentions: linked, entities } = link(['الحشد الشعبي', 'ORG'], ['الحشد', 'ORG']);
    expect(linked[0]!.entity).toBe(linked[1]!.entity);
    expect(entities[linked[1]!.entity]!.canonical).toBe('الحشد الشعبي');
  });

  it('aliases meet (داعش = تنظيم الدولة الإسلامية) and an alias alone takes the alias canonical', () => {
    const both = link(['تنظيم الدولة الإسلامية', 'ORG'], ['داعش', 'ORG']);
    expect(both.mentions[0]!.entity).toBe(both.mentions[1]!.entity);
    const alone = link(['داعش', 'ORG']);
    expect(alone.entities[0]!.canonical).toBe('تنظيم الدولة الإسلامية');
    expect(alone.entities[0]!.strongKeys).toContain(both.entities[0]!.strongKeys.find((k) => k.startsWith('alias:')));
  });

  it('spelling variants are one entity (ترمب = ترامب, مكغورك = ماكغورك)', () => {
    const a = link(['دونالد ترامب', 'PER'], ['ترمب', 'PER'], ['بريت ماكغورك', 'PER'], ['بريت مكغورك', 'PER']);
    expect(a.mentions[0]!.entity).toBe(a.mentions[1]!.entity);
    expect(a.mentions[2]!.entity).toBe(a.mentions[3]!.entity);
    expect(a.mentions[0]!.entity).not.toBe(a.mentions[2]!.entity);
  });

  it('two people with the same family name stay two; the short form goes to the nearest before it', () => {
    const { mentions: linked } = link(['صدام حسين', 'PER'], ['فؤاد حسين', 'PER'], ['حسين', 'PER']);
    expect(linked[0]!.entity).not.toBe(linked[1]!.entity);
    expect(linked[2]!.entity).toBe(linked[1]!.entity);
  });

  it('different organisations that share words stay apart (حزب الله ≠ كتائب حزب الله as prefix rule)', () => {
    const { mentions: linked } = link(['كتائب حزب الله', 'ORG'], ['حزب الله', 'ORG']);
    expect(linked[0]!.entity).not.toBe(linked[1]!.entity);
  });

  it('a place and a person with the same word are not merged', () => {
    const { mentions: linked } = link(['عمر الأسد', 'PER'], ['الأسد', 'LOC']);
    expect(linked[0]!.entity).not.toBe(linked[1]!.entity);
  });

  it('a family name written first is the person named in full (كيم → كيم جونغ أون), a given name is not (مصطفى)', () => {
    const korean = link(['كيم جونغ أون', 'PER'], ['كيم', 'PER']);
    expect(korean.mentions[1]!.entity).toBe(korean.mentions[0]!.entity);
    expect(korean.entities[0]!.weakKeys).toEqual(expect.arrayContaining(['PER:كيم']));
    const arabic = link(['مصطفى الكاظمي', 'PER'], ['مصطفى', 'PER']);
    expect(arabic.mentions[1]!.entity).not.toBe(arabic.mentions[0]!.entity);
    expect(arabic.entities[0]!.weakKeys).not.toContain('PER:مصطفي');
  });

  it('a person named by one word only has bare keys and no strong key; other entities have no bare keys', () => {
    const { entities } = link(['الكاظمي', 'PER'], ['بغداد', 'LOC'], ['داعش', 'ORG'], ['مصطفى الكاظمي', 'PER']);
    const bare = link(['الكاظمي', 'PER'], ['كاظمي', 'PER']).entities;
    expect(bare).toHaveLength(1);
    expect(bare[0]).toMatchObject({ strongKeys: [], bareKeys: ['PER:كظمي'], canonical: 'الكاظمي' });
    for (const e of entities) expect(e.bareKeys).toEqual([]);
  });

  it('a person named in full is findable by family name from other articles (weak key)', () => {
    const { entities } = link(['مصطفى الكاظمي', 'PER']);
    expect(entities[0]!.weakKeys).toContain('PER:كظمي');
  });
});
