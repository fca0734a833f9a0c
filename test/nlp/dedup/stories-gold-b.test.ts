// Guards the BLIND story gold set B (test/fixtures/stories-gold-b/, README beside it): articles we
// composed, each with its true event, every event held out. These checks only read the files; no
// story, dedup, claims or pipeline code runs on them, so the set stays blind until the lead's one
// evaluation. Its schemas are its own (sharedBackground is any kebab-case key, split only heldout).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonArticleSchema } from '../../../src/ingest/json-article.js';
import { projectPath } from '../../../src/paths.js';
import { paragraphs, readGoldArticles, readGoldEvents, wordCount } from './stories-gold.js';
import { wordJaccard } from './word-jaccard.js';

const DIR = 'test/fixtures/stories-gold-b';
const DAY = 86_400_000;

const IsoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an ISO date');
const ArticleId = z.string().regex(/^sg-[0-9a-f]{8}$/, 'an id is sg- and 8 hex digits');
const Kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case');

const BlindArticleSchema = z
  .object({
    id: ArticleId,
    source: z.string().min(1),
    url: z.string().url(),
    publishedAt: IsoDate,
    title: z.string().min(1),
    text: z.string().min(1),
    copyOf: ArticleId.optional(),
    reusesPassagesOf: ArticleId.optional(),
    /** Names the boilerplate background paragraph the article shares with articles of other events. */
    sharedBackground: Kebab.optional(),
    alsoMentions: z.array(Kebab).min(1).optional(),
  })
  .strict();
type BlindArticle = z.infer<typeof BlindArticleSchema>;

const BlindEventsSchema = z
  .object({
    articles: z.record(ArticleId, Kebab),
    events: z.record(
      Kebab,
      z
        .object({
          description: z.string().min(10),
          split: z.literal('heldout'),
          first: IsoDate,
          last: IsoDate,
          articles: z.number().int().positive(),
          outlets: z.number().int().positive(),
          distractorGroups: z.array(Kebab).min(1).optional(),
        })
        .strict(),
    ),
  })
  .strict();

const rawLines = readFileSync(projectPath(DIR, 'articles.jsonl'), 'utf8')
  .split('\n')
  .map((text, index) => ({ text, line: index + 1 }))
  .filter(({ text }) => text.trim() !== '');
const parsedLines = rawLines.map(({ text, line }) => {
  const value: unknown = JSON.parse(text);
  return { line, ingest: JsonArticleSchema.safeParse(value), blind: BlindArticleSchema.safeParse(value) };
});
const articles: BlindArticle[] = parsedLines.map(({ line, blind }) => {
  if (!blind.success) throw new Error(`articles.jsonl line ${line}: ${blind.error.message}`);
  return blind.data;
});
const gold = BlindEventsSchema.parse(JSON.parse(readFileSync(projectPath(DIR, 'events.json'), 'utf8')));
const byId = new Map(articles.map((a) => [a.id, a]));
const eventOf = (id: string): string => {
  const event = gold.articles[id];
  if (event === undefined) throw new Error(`${id} has no event`);
  return event;
};
const time = (a: BlindArticle) => Date.parse(a.publishedAt);

describe('blind story set B: articles', () => {
  it("reads every line with the ingest's own article schema, text, source, url and date unchanged", () => {
    for (const { line, ingest, blind } of parsedLines) {
      expect(ingest.success, `line ${line}: ${ingest.error?.message}`).toBe(true);
      if (!ingest.success || !blind.success) continue;
      expect(ingest.data.text).toBe(blind.data.text);
      expect(ingest.data.title).toBe(blind.data.title);
      expect(ingest.data.sourceName).toBe(blind.data.source);
      expect(ingest.data.url).toBe(blind.data.url);
      expect(ingest.data.publishedAt).toBe(new Date(blind.data.publishedAt).toISOString());
    }
  });

  it('holds at least 120 articles with unique ids and urls, each 120–350 words in 3–6 paragraphs', () => {
    expect(articles.length).toBeGreaterThanOrEqual(120);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    // The pipeline's record id hashes source, url and text: a repeated url would hide a copy.
    expect(new Set(articles.map((a) => a.url)).size).toBe(articles.length);
    for (const a of articles) {
      expect(wordCount(a.text), a.id).toBeGreaterThanOrEqual(120);
      expect(wordCount(a.text), a.id).toBeLessThanOrEqual(350);
      expect(paragraphs(a.text).length, a.id).toBeGreaterThanOrEqual(3);
      expect(paragraphs(a.text).length, a.id).toBeLessThanOrEqual(6);
      expect(a.text, a.id).toMatch(/[\u0621-\u064A]/);
    }
  });

  it('comes from at least 15 outlets over more than a week', () => {
    expect(new Set(articles.map((a) => a.source)).size).toBeGreaterThanOrEqual(15);
    const times = articles.map(time);
    expect((Math.max(...times) - Math.min(...times)) / DAY).toBeGreaterThanOrEqual(7);
  });

  it('rejects an annotation field it does not know, a url-less article and a tune split', () => {
    const [first] = articles;
    expect(first).toBeDefined();
    expect(BlindArticleSchema.safeParse({ ...first, event: 'x' }).success).toBe(false);
    expect(BlindArticleSchema.safeParse({ ...first, url: undefined }).success).toBe(false);
    const [id, event] = Object.entries(gold.events)[0] ?? [];
    expect(id).toBeDefined();
    const tuned = { ...gold, events: { [id ?? 'x']: { ...event, split: 'tune' } } };
    expect(BlindEventsSchema.safeParse(tuned).success).toBe(false);
  });
});

describe('blind story set B: events', () => {
  it('gives every article exactly one existing event, and every event articles', () => {
    expect(Object.keys(gold.articles).sort()).toEqual(articles.map((a) => a.id).sort());
    const used = new Set(Object.values(gold.articles));
    expect([...used].filter((e) => !(e in gold.events))).toEqual([]);
    expect(Object.keys(gold.events).filter((e) => !used.has(e))).toEqual([]);
    expect(Object.keys(gold.events).length).toBeGreaterThanOrEqual(26);
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
    expect(multi.filter((e) => e.outlets >= 3).length).toBeGreaterThanOrEqual(20);
    expect(multi.filter((e) => Date.parse(e.last) - Date.parse(e.first) >= DAY).length).toBeGreaterThanOrEqual(8);
  });

  it('records at least 10 distractor groups, each of two or more events', () => {
    const groups = new Map<string, Set<string>>();
    for (const [id, event] of Object.entries(gold.events)) {
      for (const group of event.distractorGroups ?? []) groups.set(group, (groups.get(group) ?? new Set()).add(id));
    }
    expect(groups.size).toBeGreaterThanOrEqual(10);
    for (const [group, members] of groups) expect(members.size, group).toBeGreaterThanOrEqual(2);
  });

  it('names only other, existing events in alsoMentions', () => {
    const mentioning = articles.filter((a) => a.alsoMentions);
    expect(mentioning.length).toBeGreaterThanOrEqual(5);
    for (const a of mentioning) {
      for (const other of a.alsoMentions ?? []) {
        expect(other in gold.events, `${a.id} → ${other}`).toBe(true);
        expect(other, a.id).not.toBe(eventOf(a.id));
      }
    }
  });
});

describe('blind story set B: copies, reused passages and shared background', () => {
  function earlierOfSameEvent(later: BlindArticle, ref: string | undefined): BlindArticle | undefined {
    const earlier = byId.get(ref ?? '');
    expect(earlier, `${later.id} → ${ref}`).toBeDefined();
    if (!earlier) return undefined;
    expect(earlier.id).not.toBe(later.id);
    expect(time(earlier), later.id).toBeLessThanOrEqual(time(later));
    expect(eventOf(earlier.id), later.id).toBe(eventOf(later.id));
    return earlier;
  }

  it('points every copyOf at an earlier article of the same event it nearly repeats', () => {
    const copies = articles.filter((a) => a.copyOf);
    expect(copies.length).toBeGreaterThanOrEqual(8);
    for (const copy of copies) {
      const original = earlierOfSameEvent(copy, copy.copyOf);
      if (original) expect(wordJaccard(original.text, copy.text), copy.id).toBeGreaterThanOrEqual(0.8);
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
    expect(tags.size).toBeGreaterThanOrEqual(3);
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

describe('blind story set B: new, not the old set', () => {
  const old = readGoldArticles();
  const oldEvents = readGoldEvents();

  it('shares no id, url, event id or paragraph with test/fixtures/stories-gold', () => {
    const oldIds = new Set(old.map((a) => a.id));
    const oldUrls = new Set(old.map((a) => a.url));
    expect(articles.filter((a) => oldIds.has(a.id) || oldUrls.has(a.url)).map((a) => a.id)).toEqual([]);
    expect(Object.keys(gold.events).filter((e) => e in oldEvents.events)).toEqual([]);
    const oldParagraphs = new Set(old.flatMap((a) => paragraphs(a.text)));
    const shared = articles.flatMap((a) => paragraphs(a.text).filter((p) => oldParagraphs.has(p)).map(() => a.id));
    expect(shared).toEqual([]);
    for (const a of articles) {
      const closest = Math.max(...old.map((o) => wordJaccard(o.text, a.text)));
      expect(closest, a.id).toBeLessThan(0.5);
    }
  });
});
