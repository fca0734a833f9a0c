// The guard of a BLIND story gold set (sets C, D and E under test/fixtures/, each with its README):
// articles we composed, each with its true event, every event held out. Each set's test file calls
// guardBlindStorySet with its folder, the earlier sets it must not repeat and its own thresholds;
// this module declares the describe/it blocks. The checks only read the files; no story, dedup,
// claims or pipeline code runs on them, so a set stays blind until the lead's one evaluation. A set
// is read with the first set's strict loader (its zod schemas: the same fields as set A) and with the
// loader `eval:stories` itself uses, so that one evaluation can read it.
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

const DAY = 86_400_000;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const listed = (names: string[]): string =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

export interface BlindStorySet {
  /** The set's letter, as the test names call it ("D"). */
  name: string;
  /** The set's folder, relative to the project root. */
  dir: string;
  /** Earlier story sets it must share no id, url, event id, paragraph or outlet with. */
  earlierSets: { name: string; dir: string }[];
  /** Bounds on each article's length, in whitespace words and in paragraphs. */
  words: { min: number; max: number };
  paragraphs: { min: number; max: number };
  /** Every article published in [from, until), the first and the last at least minDays apart. */
  window: { from: string; until: string; minDays: number; label: string };
  /** Lower bounds on what the set holds. */
  min: {
    articles: number;
    outlets: number;
    events: number;
    /** Events of one article. */
    singletons: number;
    /** Events of several articles reported by at least three outlets. */
    eventsOfThreeOutlets: number;
    /** Events of several articles whose reports span half a day or more (checked only if given). */
    eventsOverHalfDay?: number;
    /** Events of several articles whose reports span a day or more. */
    eventsOverDay: number;
    distractorGroups: number;
    /** Articles with alsoMentions. */
    alsoMentions: number;
    copies: number;
    /** Articles with reusesPassagesOf. */
    reusers: number;
    /** Distinct sharedBackground paragraphs. */
    backgrounds: number;
  };
}

/** What sets H onward each hold at least: every guard since H asks the same, so it is written once. */
export const STORY_SET_MINIMUMS: BlindStorySet['min'] = {
  articles: 150,
  outlets: 20,
  events: 40,
  singletons: 5,
  eventsOfThreeOutlets: 32,
  eventsOverHalfDay: 20,
  eventsOverDay: 10,
  distractorGroups: 15,
  alsoMentions: 30,
  copies: 30,
  reusers: 7,
  backgrounds: 13,
};

/** Declares the guard's describe/it blocks for one blind story set. */
export function guardBlindStorySet({ name, dir, earlierSets, words, paragraphs: paras, window, min }: BlindStorySet): void {
  const lines = readGoldLines(dir);
  const articles = readGoldArticles(dir);
  const gold = readGoldEvents(dir);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const eventOf = (id: string): string => {
    const event = gold.articles[id];
    if (event === undefined) throw new Error(`${id} has no event`);
    return event;
  };
  const time = (a: GoldArticle) => Date.parse(a.publishedAt);

  describe(`blind story set ${name}: articles`, () => {
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

    it(`holds at least ${min.articles} articles with unique ids and urls, each ${words.min}–${words.max} words in ${paras.min}–${paras.max} paragraphs`, () => {
      expect(articles.length).toBeGreaterThanOrEqual(min.articles);
      expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
      // The pipeline's record id hashes source, url and text: a repeated url would hide a copy.
      expect(new Set(articles.map((a) => a.url)).size).toBe(articles.length);
      for (const a of articles) {
        expect(wordCount(a.text), a.id).toBeGreaterThanOrEqual(words.min);
        expect(wordCount(a.text), a.id).toBeLessThanOrEqual(words.max);
        expect(paragraphs(a.text).length, a.id).toBeGreaterThanOrEqual(paras.min);
        expect(paragraphs(a.text).length, a.id).toBeLessThanOrEqual(paras.max);
        expect(a.text, a.id).toMatch(/[\u0621-\u064A]/);
        expect(new URL(a.url).hostname, a.id).toMatch(/\.example$/);
      }
    });

    it(`comes from at least ${min.outlets} outlets over ${window.label}`, () => {
      expect(new Set(articles.map((a) => a.source)).size).toBeGreaterThanOrEqual(min.outlets);
      const times = articles.map(time);
      expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(window.from));
      expect(Math.max(...times)).toBeLessThan(Date.parse(window.until));
      expect((Math.max(...times) - Math.min(...times)) / DAY).toBeGreaterThanOrEqual(window.minDays);
    });

    it('rejects an annotation field it does not know and a url-less article', () => {
      const [first] = articles;
      expect(first).toBeDefined();
      expect(GoldArticleSchema.safeParse({ ...first, event: 'x' }).success).toBe(false);
      expect(GoldArticleSchema.safeParse({ ...first, url: undefined }).success).toBe(false);
    });
  });

  describe(`blind story set ${name}: events`, () => {
    it('holds every event out: eval:stories reads all articles as heldout and none as tune', () => {
      expect(Object.entries(gold.events).filter(([, e]) => e.split !== 'heldout').map(([id]) => id)).toEqual([]);
      const heldout = readGoldSplit('heldout', dir);
      expect(heldout.map((a) => a.goldId).sort()).toEqual(articles.map((a) => a.id).sort());
      for (const { goldId, event, article } of heldout) {
        expect(event, goldId).toBe(eventOf(goldId));
        expect(article.text, goldId).toBe(byId.get(goldId)?.text);
      }
      expect(readGoldSplit('tune', dir)).toEqual([]);
    });

    it('gives every article exactly one existing event, and every event articles', () => {
      expect(Object.keys(gold.articles).sort()).toEqual(articles.map((a) => a.id).sort());
      const used = new Set(Object.values(gold.articles));
      expect([...used].filter((e) => !(e in gold.events))).toEqual([]);
      expect(Object.keys(gold.events).filter((e) => !used.has(e))).toEqual([]);
      expect(Object.keys(gold.events).length).toBeGreaterThanOrEqual(min.events);
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
      expect(events.filter((e) => e.articles === 1).length).toBeGreaterThanOrEqual(min.singletons);
      const multi = events.filter((e) => e.articles > 1);
      expect(multi.every((e) => e.outlets >= 2)).toBe(true);
      expect(multi.filter((e) => e.outlets >= 3).length).toBeGreaterThanOrEqual(min.eventsOfThreeOutlets);
      if (min.eventsOverHalfDay !== undefined) {
        expect(multi.filter((e) => Date.parse(e.last) - Date.parse(e.first) >= DAY / 2).length).toBeGreaterThanOrEqual(
          min.eventsOverHalfDay,
        );
      }
      expect(multi.filter((e) => Date.parse(e.last) - Date.parse(e.first) >= DAY).length).toBeGreaterThanOrEqual(min.eventsOverDay);
    });

    it(`records at least ${min.distractorGroups} kebab-case distractor groups, each of two or more events`, () => {
      const groups = new Map<string, Set<string>>();
      for (const [id, event] of Object.entries(gold.events)) {
        for (const group of event.distractorGroups ?? []) groups.set(group, (groups.get(group) ?? new Set()).add(id));
      }
      expect(groups.size).toBeGreaterThanOrEqual(min.distractorGroups);
      for (const [group, members] of groups) {
        expect(group).toMatch(KEBAB);
        expect(members.size, group).toBeGreaterThanOrEqual(2);
      }
    });

    it('names only other, existing events in alsoMentions', () => {
      const mentioning = articles.filter((a) => a.alsoMentions);
      expect(mentioning.length).toBeGreaterThanOrEqual(min.alsoMentions);
      for (const a of mentioning) {
        for (const other of a.alsoMentions ?? []) {
          expect(other in gold.events, `${a.id} → ${other}`).toBe(true);
          expect(other, a.id).not.toBe(eventOf(a.id));
        }
      }
    });
  });

  describe(`blind story set ${name}: copies, reused passages and shared background`, () => {
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
      expect(copies.length).toBeGreaterThanOrEqual(min.copies);
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
      expect(reusers.length).toBeGreaterThanOrEqual(min.reusers);
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
      expect(tags.size).toBeGreaterThanOrEqual(min.backgrounds);
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

  describe(`blind story set ${name}: new, not sets ${listed(earlierSets.map((set) => set.name))}`, () => {
    const earlier = earlierSets.map((set) => ({
      dir: set.dir,
      articles: readGoldArticles(set.dir),
      events: readGoldEvents(set.dir),
    }));

    it('shares no id, url, event id or paragraph with the earlier story sets, nor comes close to their articles', () => {
      for (const { dir: oldDir, articles: old, events: oldEvents } of earlier) {
        const oldIds = new Set(old.map((a) => a.id));
        const oldUrls = new Set(old.map((a) => a.url));
        expect(articles.filter((a) => oldIds.has(a.id) || oldUrls.has(a.url)).map((a) => a.id), oldDir).toEqual([]);
        expect(Object.keys(gold.events).filter((e) => e in oldEvents.events), oldDir).toEqual([]);
        const oldParagraphs = new Set(old.flatMap((a) => paragraphs(a.text)));
        const shared = articles.flatMap((a) => paragraphs(a.text).filter((p) => oldParagraphs.has(p)).map(() => a.id));
        expect(shared, oldDir).toEqual([]);
        for (const a of articles) {
          const closest = Math.max(...old.map((o) => wordJaccard(o.text, a.text)));
          expect(closest, `${oldDir} ${a.id}`).toBeLessThan(0.5);
        }
      }
    });

    it('uses outlets of its own', () => {
      const oldSources = new Set(earlier.flatMap(({ articles: old }) => old.map((a) => a.source)));
      const oldHosts = new Set(earlier.flatMap(({ articles: old }) => old.map((a) => new URL(a.url).hostname)));
      expect(articles.filter((a) => oldSources.has(a.source) || oldHosts.has(new URL(a.url).hostname)).map((a) => a.id)).toEqual([]);
    });
  });
}
