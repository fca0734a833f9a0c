// Guards the story gold set (test/fixtures/stories-gold/, README beside it): articles we composed,
// each with its true event, for `eval:stories` (issue 25). These checks only read the files; no
// story, dedup or pipeline code runs on them, so the set stays blind. Tune on `tune`, report on
// `heldout`, never tune on it.
import { describe, expect, it } from 'vitest';
import {
  GoldArticleSchema,
  paragraphs,
  readGoldArticles,
  readGoldEvents,
  readGoldLines,
  wordCount,
  type GoldArticle,
} from './stories-gold.js';
import { wordJaccard } from './word-jaccard.js';

const lines = readGoldLines();
const articles = readGoldArticles();
const gold = readGoldEvents();
const byId = new Map(articles.map((a) => [a.id, a]));
const eventOf = (id: string): string => {
  const event = gold.articles[id];
  if (event === undefined) throw new Error(`${id} has no event`);
  return event;
};
const splitOf = (id: string) => gold.events[eventOf(id)]?.split;
const time = (a: GoldArticle) => Date.parse(a.publishedAt);
const DAY = 86_400_000;

describe('the story gold set: articles', () => {
  it('reads every line with the ingest\'s own article schema, text, source and date unchanged', () => {
    for (const { line, ingest, gold: parsed } of lines) {
      expect(ingest.success, `line ${line}: ${ingest.error?.message}`).toBe(true);
      expect(parsed.success, `line ${line}: ${parsed.error?.message}`).toBe(true);
      if (!ingest.success || !parsed.success) continue;
      expect(ingest.data.text).toBe(parsed.data.text);
      expect(ingest.data.title).toBe(parsed.data.title);
      expect(ingest.data.sourceName).toBe(parsed.data.source);
      expect(ingest.data.url).toBe(parsed.data.url);
      expect(ingest.data.publishedAt).toBe(new Date(parsed.data.publishedAt).toISOString());
    }
  });

  it('holds at least 150 articles with unique ids and urls, each 80–250 words in paragraphs', () => {
    expect(articles.length).toBeGreaterThanOrEqual(150);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    // The pipeline's article id hashes source, url and text: a repeated url would hide a copy.
    expect(new Set(articles.map((a) => a.url)).size).toBe(articles.length);
    for (const a of articles) {
      expect(wordCount(a.text), a.id).toBeGreaterThanOrEqual(80);
      expect(wordCount(a.text), a.id).toBeLessThanOrEqual(250);
      expect(paragraphs(a.text).length, a.id).toBeGreaterThanOrEqual(2);
      expect(a.text, a.id).toMatch(/[\u0621-\u064A]/);
    }
  });

  it('spreads over about ten days and comes from many outlets', () => {
    const times = articles.map(time);
    expect((Math.max(...times) - Math.min(...times)) / DAY).toBeGreaterThanOrEqual(9);
    expect(new Set(articles.map((a) => a.source)).size).toBeGreaterThanOrEqual(10);
  });

  it('rejects an annotation field it does not know and an article without a url', () => {
    const [first] = articles;
    expect(first).toBeDefined();
    expect(GoldArticleSchema.safeParse({ ...first, event: 'x' }).success).toBe(false);
    expect(GoldArticleSchema.safeParse({ ...first, url: undefined }).success).toBe(false);
  });
});

describe('the story gold set: events', () => {
  it('gives every article exactly one event that exists, and every event articles', () => {
    expect(Object.keys(gold.articles).sort()).toEqual(articles.map((a) => a.id).sort());
    const used = new Set(Object.values(gold.articles));
    expect([...used].filter((e) => !(e in gold.events))).toEqual([]);
    expect(Object.keys(gold.events).filter((e) => !used.has(e))).toEqual([]);
    expect(Object.keys(gold.events).length).toBeGreaterThanOrEqual(25);
  });

  it('describes each event as its articles are: count, outlets, first and last publication', () => {
    for (const [id, event] of Object.entries(gold.events)) {
      const members = articles.filter((a) => eventOf(a.id) === id);
      const times = members.map(time);
      expect(event.articles, id).toBe(members.length);
      expect(event.outlets, id).toBe(new Set(members.map((a) => a.source)).size);
      expect(Date.parse(event.first), id).toBe(Math.min(...times));
      expect(Date.parse(event.last), id).toBe(Math.max(...times));
    }
  });

  it('has events of one article, events of up to eight from several outlets, and follow-ups over days', () => {
    const sizes = Object.values(gold.events).map((e) => e.articles);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    const multi = Object.values(gold.events).filter((e) => e.articles > 1);
    expect(multi.every((e) => e.outlets >= 2)).toBe(true);
    const overDays = multi.filter((e) => Date.parse(e.last) - Date.parse(e.first) >= DAY);
    expect(overDays.length).toBeGreaterThanOrEqual(10);
  });

  it('names only other, existing events in alsoMentions', () => {
    const mentioning = articles.filter((a) => a.alsoMentions);
    expect(mentioning.length).toBeGreaterThanOrEqual(3);
    for (const a of mentioning) {
      for (const other of a.alsoMentions ?? []) {
        expect(other in gold.events, `${a.id} → ${other}`).toBe(true);
        expect(other, a.id).not.toBe(eventOf(a.id));
      }
    }
  });
});

describe('the story gold set: splits', () => {
  const heldout = Object.values(gold.events).filter((e) => e.split === 'heldout');
  const tune = Object.values(gold.events).filter((e) => e.split === 'tune');

  it('puts whole events in tune (about 40 %) or heldout (about 60 %)', () => {
    expect(heldout.length + tune.length).toBe(Object.keys(gold.events).length);
    const tuneShare = tune.length / (tune.length + heldout.length);
    expect(tuneShare).toBeGreaterThanOrEqual(0.3);
    expect(tuneShare).toBeLessThanOrEqual(0.5);
    const heldoutArticles = articles.filter((a) => splitOf(a.id) === 'heldout').length;
    expect(heldoutArticles / articles.length).toBeGreaterThanOrEqual(0.5);
  });

  it('has at least 10 multi-outlet events in heldout, and every held-out event has an outlet', () => {
    expect(heldout.every((e) => e.outlets >= 1)).toBe(true);
    expect(heldout.filter((e) => e.outlets >= 2).length).toBeGreaterThanOrEqual(10);
  });

  it('keeps each distractor group (same topic, another event) within one split', () => {
    const groups = new Map<string, Set<string>>();
    const splits = new Map<string, Set<string>>();
    for (const [id, event] of Object.entries(gold.events)) {
      for (const group of event.distractorGroups ?? []) {
        groups.set(group, (groups.get(group) ?? new Set()).add(id));
        splits.set(group, (splits.get(group) ?? new Set()).add(event.split));
      }
    }
    expect(groups.size).toBeGreaterThanOrEqual(8);
    for (const [group, members] of groups) {
      expect(members.size, group).toBeGreaterThanOrEqual(2);
      expect(splits.get(group)?.size, group).toBe(1);
    }
  });
});

describe('the story gold set: copies, reused passages and shared background', () => {
  /** The earlier article `later` names as its original: it exists, is another one, of the same event. */
  function earlierOfSameEvent(later: GoldArticle, ref: string | undefined): GoldArticle | undefined {
    const earlier = byId.get(ref ?? '');
    expect(earlier, `${later.id} → ${ref}`).toBeDefined();
    if (!earlier) return undefined;
    expect(earlier.id).not.toBe(later.id);
    expect(time(earlier), later.id).toBeLessThanOrEqual(time(later));
    expect(eventOf(earlier.id), later.id).toBe(eventOf(later.id));
    return earlier;
  }

  it('points every copyOf at an earlier (or simultaneous) article of the same event it nearly repeats', () => {
    const copies = articles.filter((a) => a.copyOf);
    expect(copies.length).toBeGreaterThanOrEqual(5);
    for (const copy of copies) {
      const original = earlierOfSameEvent(copy, copy.copyOf);
      if (original) expect(wordJaccard(original.text, copy.text), copy.id).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('points every reusesPassagesOf at an earlier article of the same event whose paragraph it reprints', () => {
    const reusers = articles.filter((a) => a.reusesPassagesOf);
    expect(reusers.length).toBeGreaterThanOrEqual(3);
    for (const reuser of reusers) {
      const source = earlierOfSameEvent(reuser, reuser.reusesPassagesOf);
      if (!source) continue;
      const reprinted = paragraphs(reuser.text).filter((p) => paragraphs(source.text).includes(p));
      expect(reprinted.length, reuser.id).toBeGreaterThanOrEqual(1);
      expect(wordJaccard(source.text, reuser.text), reuser.id).toBeLessThan(0.8);
    }
  });

  it('repeats each background paragraph word for word across several events and outlets, and nowhere else', () => {
    const tags = new Set(articles.flatMap((a) => (a.sharedBackground ? [a.sharedBackground] : [])));
    expect(tags.size).toBeGreaterThanOrEqual(2);
    for (const tag of tags) {
      const carriers = articles.filter((a) => a.sharedBackground === tag);
      const common = carriers
        .map((a) => new Set(paragraphs(a.text)))
        .reduce((acc, set) => new Set([...acc].filter((p) => set.has(p))));
      expect(common.size, tag).toBe(1);
      const [background] = [...common];
      expect(new Set(carriers.map((a) => eventOf(a.id))).size, tag).toBeGreaterThanOrEqual(2);
      expect(new Set(carriers.map((a) => a.source)).size, tag).toBeGreaterThanOrEqual(2);
      const others = articles.filter((a) => a.sharedBackground !== tag && background && a.text.includes(background));
      expect(others.map((a) => a.id), tag).toEqual([]);
    }
  });
});
