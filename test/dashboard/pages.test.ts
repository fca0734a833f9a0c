import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { recordPage } from '../../src/dashboard/pages/record.js';
import { storyPage } from '../../src/dashboard/pages/story.js';
import { arabicText, startsArabic } from '../../src/dashboard/pages/layout.js';
import { buildStoryView } from '../../src/dashboard/stories.js';
import { EnrichedRecordSchema } from '../../src/schema/record.js';
import { StorySchema } from '../../src/schema/story.js';

/**
 * The record and story pages with every layer present (entities, claims, dedup), built on a real
 * seed: the stages that add those layers land separately, and the pages must already show them.
 */
const SEED = readFileSync('seeds/000_4b730099a6eb1bd4.txt', 'utf8');

function span(text: string, from = 0): { text: string; start: number; end: number } {
  const start = SEED.indexOf(text, from);
  if (start < 0) throw new Error(`not in the seed: ${text}`);
  return { text, start, end: start + text.length };
}

async function fullRecord() {
  const base = await analyse(SEED, { title: 'تعثر مفاوضات فيينا', source: 'العرب', file: '000.txt' });
  const speaker = span('ضابط في الجيش العراقي');
  const cue = span('وقال', speaker.start - 10);
  const content = span('طائرة مسيرة استهدفت مركبة للحشد الشعبي');
  const sentence = base.sentences.findIndex((s) => s.start <= cue.start && cue.start < s.end);
  const claimText = { text: SEED.slice(cue.start, content.end), start: cue.start, end: content.end };
  const year = span('2015');
  return EnrichedRecordSchema.parse({
    ...base,
    entities: [
      { ...span('واشنطن'), type: 'LOC', entityId: 'loc:washington', canonical: 'واشنطن', confidence: 0.93 },
      { ...span('الحشد الشعبي'), type: 'ORG', entityId: 'org:pmf', canonical: 'الحشد الشعبي', confidence: 0.9 },
      { ...span('الكاظمي'), type: 'PER', entityId: 'per:kadhimi', canonical: 'مصطفى الكاظمي', confidence: 0.88 },
    ],
    claims: [
      {
        ...claimText, kind: 'attributed', sentence, cue, content, quote: 'direct', attributedTo: null,
        speaker: { ...speaker, entityId: null, anonymous: true, kind: 'ضابط', antecedent: null },
        quantities: [{ ...year, value: 2015, valueMax: null, approx: false, unit: null, counted: 'عام' }],
        checkworthiness: 0.72, checkworthinessFeatures: { quote: 0.3 },
      },
    ],
    dedup: {
      contentHash: 'ab'.repeat(16), storyId: 'story-1', storyReason: 'reused-passage', exactDuplicateOf: null,
      nearDuplicates: [{ id: '1111222233334444', similarity: 0.61 }],
      reusedPassages: [{ otherId: '1111222233334444', start: span('الحشد الشعبي').start - 12, end: span('الحشد الشعبي').end, otherStart: 5, otherEnd: 60 }],
      claimLinks: [],
    },
  });
}

describe('record page with every layer', () => {
  it('shows entities by type, the reused passage and the claim with speaker, cue, content and numbers', async () => {
    const record = await fullRecord();
    const body = recordPage(record).value;
    expect(body).toContain('<a class="ent ent-LOC" href="/entities/loc%3Awashington" title="LOC: واشنطن">واشنطن</a>');
    expect(body).toContain('<a class="ent ent-ORG" href="/entities/org%3Apmf" title="ORG: الحشد الشعبي">');
    expect(body).toContain('title="PER: مصطفى الكاظمي">الكاظمي</a>');
    // The reused passage starts before the entity and ends inside it: the entity stays one link.
    expect(body).toMatch(/<span class="reused" title="also in 1111222233334444">[^<]+<\/span><a class="ent ent-ORG"[^>]*><span class="reused" title="also in 1111222233334444">الحشد الشعبي<\/span><\/a>/);
    expect(body).toContain('<table class="claims">');
    expect(body).toMatch(/ضابط في الجيش العراقي<\/bdi> <span class="tag">anonymous: <bdi class="ar" lang="ar" dir="rtl">ضابط<\/bdi>/);
    expect(body).toContain('>وقال</bdi>');
    expect(body).toContain('<b>2015</b>');
    expect(body).toContain('0.72');
    expect(body).toContain('href="/stories/story-1"');
    expect(body).toContain('Near duplicates: <a class="mono" href="/records/1111222233334444">1111222233334444</a> (0.61)');
  });
});

describe('story page', () => {
  it('lists articles by time, corroborated claims and conflicting numbers', () => {
    const story = StorySchema.parse({
      storyId: 'story-1', version: 3, mergedInto: null,
      articles: [
        { id: 'bbbbbbbbbbbbbbbb', source: 'رويترز', publishedAt: '2021-07-13T23:41:00Z' },
        { id: 'aaaaaaaaaaaaaaaa', source: 'العرب', publishedAt: '2021-07-12T10:00:00Z' },
      ],
      sources: ['العرب', 'رويترز'], firstSeen: '2021-07-12T10:00:00Z', lastSeen: '2021-07-13T23:41:00Z', links: [],
      corroboratedClaims: [{ sources: ['العرب', 'رويترز'], claims: [
        { articleId: 'aaaaaaaaaaaaaaaa', claim: 0, text: 'استهدفت طائرة مسيرة مركبة', source: 'العرب', publishedAt: null },
        { articleId: 'bbbbbbbbbbbbbbbb', claim: 2, text: 'طائرة مسيرة استهدفت مركبة', source: 'رويترز', publishedAt: null },
      ] }],
      conflicts: [{ counted: 'جندي أمريكي', values: [
        { articleId: 'aaaaaaaaaaaaaaaa', claim: 1, text: '2500 جندي', source: 'العرب', publishedAt: null, value: 2500, valueMax: null, approx: false, quantityText: '2500' },
        { articleId: 'bbbbbbbbbbbbbbbb', claim: 3, text: 'نحو 3000 جندي', source: 'رويترز', publishedAt: null, value: 3000, valueMax: null, approx: true, quantityText: 'نحو 3000' },
      ] }],
    });
    const body = storyPage(buildStoryView(story, new Map())).value;
    expect(body.indexOf('aaaaaaaaaaaaaaaa')).toBeLessThan(body.indexOf('bbbbbbbbbbbbbbbb'));
    const expected = [
      '2 articles from 2 outlets',
      'Carried independently by 2 outlets',
      '<p class="quote ar" lang="ar" dir="rtl">استهدفت طائرة مسيرة مركبة</p>',
      // No reason in this (older) file: the counted thing says why the two were compared.
      '<p class="reason" dir="auto">same counted thing: <bdi class="ar" lang="ar" dir="rtl">جندي أمريكي</bdi></p>',
      // Digits alone are not Arabic text: their direction is left to the browser.
      '<tr><td><b>2500</b></td><td dir="auto"><bdi dir="auto">2500</bdi></td><td dir="rtl"><bdi class="ar" lang="ar" dir="rtl">2500 جندي</bdi></td>',
      '<b>3000</b> (approx.)',
      // No title anywhere (no records at hand): the story id heads the page, each article its id.
      '<h1>Story <span class="mono">story-1</span></h1>',
      '<a href="/records/aaaaaaaaaaaaaaaa"><span class="muted"><span class="mono">aaaaaaaaaaaaaaaa</span></span></a>',
    ];
    for (const html of expected) expect(body).toContain(html);
  });

  it('says which quote waits for its record (the index keeps no claim text)', () => {
    const story = StorySchema.parse({
      storyId: 'story-2', version: 1, mergedInto: null,
      articles: [{ id: 'aaaaaaaaaaaaaaaa', source: 'العرب', publishedAt: null }, { id: 'bbbbbbbbbbbbbbbb', source: 'رويترز', publishedAt: null }],
      sources: ['العرب', 'رويترز'], firstSeen: null, lastSeen: null, links: [],
      corroboratedClaims: [{ sources: ['العرب', 'رويترز'], claims: [
        { articleId: 'aaaaaaaaaaaaaaaa', claim: 0, text: 'استهدفت طائرة مسيرة مركبة', source: 'العرب', publishedAt: null },
        { articleId: 'bbbbbbbbbbbbbbbb', claim: 4, text: null, source: 'رويترز', publishedAt: null },
      ] }],
      conflicts: [],
    });
    const body = storyPage(buildStoryView(story, new Map())).value;
    expect(body).toContain('استهدفت طائرة مسيرة مركبة');
    expect(body).toContain('claim 4 (its record is not written yet)');
  });
});

describe('which texts the story pages mark as Arabic', () => {
  it('takes the first strong letter: Arabic first is right-to-left, Latin first or digits alone are left to the browser', () => {
    expect(startsArabic('عاجل: AP')).toBe(true);
    expect(startsArabic('«2500» جندي')).toBe(true);
    expect(startsArabic('AP: عاجل')).toBe(false);
    expect(startsArabic('2500')).toBe(false);
    expect(startsArabic('')).toBe(false);
    // Only escaped, never altered (diacritics, tatweel and quotation marks kept).
    expect(arabicText('مفاوضاتُ «فيينا» تتعثّـر & <b>').value).toBe('<bdi class="ar" lang="ar" dir="rtl">مفاوضاتُ «فيينا» تتعثّـر &amp; &lt;b&gt;</bdi>');
    expect(arabicText('AP <i>').value).toBe('<bdi dir="auto">AP &lt;i&gt;</bdi>');
  });
});
