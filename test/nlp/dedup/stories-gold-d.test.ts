// Guards the BLIND story gold set D (test/fixtures/stories-gold-d/, README beside it): articles we
// composed, each with its true event, every event held out. These checks only read the files; no
// story, dedup, claims or pipeline code runs on them, so the set stays blind until the lead's one
// evaluation. The set is read with the first set's strict loader (its zod schemas: the same fields
// as sets A, B and C) and with the loader `eval:stories` itself uses, so that one evaluation can read it.
import { describe, expect, it } from 'vitest';
import { readGoldSplit } from '../../../training/stories/gold.js';
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

const DIR = 'test/fixtures/stories-gold-d';
const EARLIER_SETS = ['test/fixtures/stories-gold', 'test/fixtures/stories-gold-b', 'test/fixtures/stories-gold-c'];
const DAY = 86_400_000;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const lines = readGoldLines(DIR);
const articles = readGoldArticles(DIR);
const gold = readGoldEvents(DIR);
const byId = new Map(articles.map((a) => [a.id, a]));
const eventOf = (id: string): string => {
  const event = gold.articles[id];
  if (event === undefined) throw new Error(`${id} has no event`);
  return event;
};
const time = (a: GoldArticle) => Date.parse(a.publishedAt);

describe('blind story set D: articles', () => {
  it("reads every line with the ingest's own article schema, text, source, url and date unchanged", () => {
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

  // Set D varies length on purpose (briefs of two or three paragraphs beside longer reports), so the
  // bounds are wider than set C's; see the README's limits for how short most articles came out.
  it('holds at least 150 articles with unique ids and urls, each 35–520 words in 2–9 paragraphs', () => {
    expect(articles.length).toBeGreaterThanOrEqual(150);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    // The pipeline's record id hashes source, url and text: a repeated url would hide a copy.
    expect(new Set(articles.map((a) => a.url)).size).toBe(articles.length);
    for (const a of articles) {
      expect(wordCount(a.text), a.id).toBeGreaterThanOrEqual(35);
      expect(wordCount(a.text), a.id).toBeLessThanOrEqual(520);
      expect(paragraphs(a.text).length, a.id).toBeGreaterThanOrEqual(2);
      expect(paragraphs(a.text).length, a.id).toBeLessThanOrEqual(9);
      expect(a.text, a.id).toMatch(/[\u0621-\u064A]/);
      expect(new URL(a.url).hostname, a.id).toMatch(/\.example$/);
    }
  });

  it('comes from at least 18 outlets over about three weeks of September 2026', () => {
    expect(new Set(articles.map((a) => a.source)).size).toBeGreaterThanOrEqual(18);
    const times = articles.map(time);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-09-01T00:00:00Z'));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-09-25T00:00:00Z'));
    expect((Math.max(...times) - Math.min(...times)) / DAY).toBeGreaterThanOrEqual(18);
  });

  it('rejects an annotation field it does not know and a url-less article', () => {
    const [first] = articles;
    expect(first).toBeDefined();
    expect(GoldArticleSchema.safeParse({ ...first, event: 'x' }).success).toBe(false);
    expect(GoldArticleSchema.safeParse({ ...first, url: undefined }).success).toBe(false);
  });
});

describe('blind story set D: events', () => {
  it('holds every event out: eval:stories reads all articles as heldout and none as tune', () => {
    expect(Object.entries(gold.events).filter(([, e]) => e.split !== 'heldout').map(([id]) => id)).toEqual([]);
    const heldout = readGoldSplit('heldout', DIR);
    expect(heldout.map((a) => a.goldId).sort()).toEqual(articles.map((a) => a.id).sort());
    for (const { goldId, event, article } of heldout) {
      expect(event, goldId).toBe(eventOf(goldId));
      expect(article.text, goldId).toBe(byId.get(goldId)?.text);
    }
    expect(readGoldSplit('tune', DIR)).toEqual([]);
  });

  it('gives every article exactly one existing event, and every event articles', () => {
    expect(Object.keys(gold.articles).sort()).toEqual(articles.map((a) => a.id).sort());
    const used = new Set(Object.values(gold.articles));
    expect([...used].filter((e) => !(e in gold.events))).toEqual([]);
    expect(Object.keys(gold.events).filter((e) => !used.has(e))).toEqual([]);
    expect(Object.keys(gold.events).length).toBeGreaterThanOrEqual(35);
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

  it('has stories of one, events of several outlets, and follow-ups over days', () => {
    const events = Object.values(gold.events);
    expect(events.filter((e) => e.articles === 1).length).toBeGreaterThanOrEqual(3);
    const multi = events.filter((e) => e.articles > 1);
    expect(multi.every((e) => e.outlets >= 2)).toBe(true);
    expect(multi.filter((e) => e.outlets >= 3).length).toBeGreaterThanOrEqual(25);
    // Most follow-ups here come the next morning, under a day after the first report; five run a day or more.
    expect(multi.filter((e) => Date.parse(e.last) - Date.parse(e.first) >= DAY / 2).length).toBeGreaterThanOrEqual(20);
    expect(multi.filter((e) => Date.parse(e.last) - Date.parse(e.first) >= DAY).length).toBeGreaterThanOrEqual(5);
  });

  it('records at least 12 kebab-case distractor groups, each of two or more events', () => {
    const groups = new Map<string, Set<string>>();
    for (const [id, event] of Object.entries(gold.events)) {
      for (const group of event.distractorGroups ?? []) groups.set(group, (groups.get(group) ?? new Set()).add(id));
    }
    expect(groups.size).toBeGreaterThanOrEqual(12);
    for (const [group, members] of groups) {
      expect(group).toMatch(KEBAB);
      expect(members.size, group).toBeGreaterThanOrEqual(2);
    }
  });

  it('names only other, existing events in alsoMentions', () => {
    const mentioning = articles.filter((a) => a.alsoMentions);
    expect(mentioning.length).toBeGreaterThanOrEqual(10);
    for (const a of mentioning) {
      for (const other of a.alsoMentions ?? []) {
        expect(other in gold.events, `${a.id} → ${other}`).toBe(true);
        expect(other, a.id).not.toBe(eventOf(a.id));
      }
    }
  });
});

describe('blind story set D: copies, reused passages and shared background', () => {
  function earlierOfSameEvent(later: GoldArticle, ref: string | undefined): GoldArticle | undefined {
    const earlier = byId.get(ref ?? '');
    expect(earlier, `${later.id} → ${ref}`).toBeDefined();
    if (!earlier) return undefined;
    expect(earlier.id).not.toBe(later.id);
    expect(time(earlier), later.id).toBeLessThanOrEqual(time(later));
    expect(eventOf(earlier.id), later.id).toBe(eventOf(later.id));
    return earlier;
  }

  it('points every copyOf at an earlier article of the same event it nearly repeats, under a new title', () => {
    const copies = articles.filter((a) => a.copyOf);
    expect(copies.length).toBeGreaterThanOrEqual(10);
    for (const copy of copies) {
      const original = earlierOfSameEvent(copy, copy.copyOf);
      if (!original) continue;
      expect(wordJaccard(original.text, copy.text), copy.id).toBeGreaterThanOrEqual(0.8);
      expect(copy.title, copy.id).not.toBe(original.title);
      // A copy carries what its original carries: the same background and the same other events named.
      expect(copy.sharedBackground, copy.id).toBe(original.sharedBackground);
      expect(copy.alsoMentions, copy.id).toEqual(original.alsoMentions);
    }
  });

  it('points every reusesPassagesOf at an earlier article of the same event whose paragraph it reprints', () => {
    const reusers = articles.filter((a) => a.reusesPassagesOf);
    expect(reusers.length).toBeGreaterThanOrEqual(4);
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
    expect(tags.size).toBeGreaterThanOrEqual(8);
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

  it('repeats no other paragraph between articles, except in a copy or a reused passage', () => {
    const backgrounds = new Set(
      [...new Set(articles.flatMap((a) => (a.sharedBackground ? [a.sharedBackground] : [])))].flatMap((tag) => {
        const carriers = articles.filter((a) => a.sharedBackground === tag).map((a) => new Set(paragraphs(a.text)));
        return [...carriers.reduce((acc, set) => new Set([...acc].filter((p) => set.has(p))))];
      }),
    );
    const related = (a: GoldArticle, b: GoldArticle) =>
      [a.copyOf, a.reusesPassagesOf].includes(b.id) || [b.copyOf, b.reusesPassagesOf].includes(a.id);
    const holders = new Map<string, GoldArticle[]>();
    for (const a of articles) for (const p of paragraphs(a.text)) holders.set(p, [...(holders.get(p) ?? []), a]);
    for (const [paragraph, holding] of holders) {
      if (holding.length < 2 || backgrounds.has(paragraph)) continue;
      // Each holder is a copy or reuser of another holder, or the source of one.
      for (const a of holding) {
        expect(holding.some((b) => b !== a && related(a, b)), `${a.id}: ${paragraph.slice(0, 40)}`).toBe(true);
      }
    }
  });
});

describe('blind story set D: new, not sets A, B and C', () => {
  const earlier = EARLIER_SETS.map((dir) => ({ dir, articles: readGoldArticles(dir), events: readGoldEvents(dir) }));

  it('shares no id, url, event id or paragraph with the earlier story sets, nor comes close to their articles', () => {
    for (const { dir, articles: old, events: oldEvents } of earlier) {
      const oldIds = new Set(old.map((a) => a.id));
      const oldUrls = new Set(old.map((a) => a.url));
      expect(articles.filter((a) => oldIds.has(a.id) || oldUrls.has(a.url)).map((a) => a.id), dir).toEqual([]);
      expect(Object.keys(gold.events).filter((e) => e in oldEvents.events), dir).toEqual([]);
      const oldParagraphs = new Set(old.flatMap((a) => paragraphs(a.text)));
      const shared = articles.flatMap((a) => paragraphs(a.text).filter((p) => oldParagraphs.has(p)).map(() => a.id));
      expect(shared, dir).toEqual([]);
      for (const a of articles) {
        const closest = Math.max(...old.map((o) => wordJaccard(o.text, a.text)));
        expect(closest, `${dir} ${a.id}`).toBeLessThan(0.5);
      }
    }
  });

  it('uses outlets of its own', () => {
    const oldSources = new Set(earlier.flatMap(({ articles: old }) => old.map((a) => a.source)));
    const oldHosts = new Set(earlier.flatMap(({ articles: old }) => old.map((a) => new URL(a.url).hostname)));
    expect(articles.filter((a) => oldSources.has(a.source) || oldHosts.has(new URL(a.url).hostname)).map((a) => a.id)).toEqual([]);
  });
});
