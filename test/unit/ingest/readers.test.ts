import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../../src/ingest/readers.js';
import { articleId } from '../../../src/ingest/article-id.js';
import { InputRejectedError } from '../../../src/ingest/errors.js';

const seed = readFileSync('seeds/004_ec7f40ec6a560b24.txt', 'utf8');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function rejection(run: () => unknown): InputRejectedError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputRejectedError) return error;
    throw error;
  }
  throw new Error('expected InputRejectedError');
}

describe('readArticles', () => {
  it('keeps a .txt article byte for byte', () => {
    const result = readArticles(bytes(seed), 'a.txt');
    expect(result.entries).toHaveLength(1);
    const [entry] = result.entries;
    expect(entry?.ok && entry.draft.text).toBe(seed);
  });

  it('reads a JSON article and its metadata, accepting "content" for the body', () => {
    const json = JSON.stringify({ content: seed, title: 'صواريخ الميليشيات', source: 'العرب', url: 'https://example.org/a', publishedAt: '2020-08-19T20:00:00Z' });
    const [entry] = readArticles(bytes(json), 'a.json').entries;
    expect(entry?.ok).toBe(true);
    if (!entry?.ok) return;
    expect(entry.draft).toMatchObject({ text: seed, title: 'صواريخ الميليشيات', sourceName: 'العرب', publishedAt: '2020-08-19T20:00:00.000Z' });
  });

  it('rejects malformed JSON and wrong field types with readable reasons', () => {
    expect(rejection(() => readArticles(bytes('{"text": "بغداد"'), 'bad.json')).message).toMatch(/malformed JSON/);
    const wrongTypes = rejection(() => readArticles(bytes(JSON.stringify({ text: 42, title: ['x'] })), 'types.json'));
    expect(wrongTypes.code).toBe('bad-article');
    expect(wrongTypes.message).toMatch(/text/);
    expect(wrongTypes.message).toMatch(/title/);
    expect(rejection(() => readArticles(bytes(JSON.stringify({ text: 'نص', publishedAt: 'أمس' })), 'date.json')).message).toMatch(/publishedAt: not a date/);
  });

  it('lets one bad JSONL line fail alone', () => {
    const lines = [JSON.stringify({ text: 'قال الرئيس إن المفاوضات مستمرة.' }), '{broken', JSON.stringify({ title: 'بلا نص' }), JSON.stringify({ text: 'سقط صاروخ قرب مطار بغداد.' })];
    const { entries } = readArticles(bytes(lines.join('\n')), 'feed.jsonl');
    expect(entries.map((entry) => entry.ok)).toEqual([true, false, false, true]);
    const failures = entries.filter((entry) => !entry.ok);
    expect(failures.map((entry) => !entry.ok && entry.line)).toEqual([2, 3]);
  });

  it('extracts the article body of an HTML page, not its navigation or scripts', () => {
    const paragraphs = seed.split(/\n+/).filter((line) => line.trim() !== '').slice(2, 8);
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><title>صواريخ الميليشيات | العرب</title>
      <meta property="og:site_name" content="العرب"><meta property="article:published_time" content="2020-08-19T20:00:00Z">
      <script>window.track = "do not read me";</script></head><body>
      <nav><a href="/">الرئيسية</a> <a href="/world">العالم</a> <a href="/sport">رياضة</a></nav>
      <article><h1>صواريخ الميليشيات رسائل إيرانية ترافق الكاظمي إلى واشنطن</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
      <footer>جميع الحقوق محفوظة</footer><script>alert(1)</script></body></html>`;
    const [entry] = readArticles(bytes(html), 'page.html').entries;
    expect(entry?.ok).toBe(true);
    if (!entry?.ok) return;
    // HTML collapses runs of white space, so the page's text is compared with collapsed paragraphs.
    for (const paragraph of paragraphs) expect(entry.draft.text).toContain(paragraph.replace(/\s+/g, ' ').trim());
    expect(entry.draft.text).not.toContain('do not read me');
    expect(entry.draft.text).not.toContain('alert(1)');
    expect(entry.draft.publishedAt).toBe('2020-08-19T20:00:00.000Z');
  });

  it('rejects unsupported types, whitespace-only files and pages without text', () => {
    expect(rejection(() => readArticles(bytes('x'), 'a.pdf')).code).toBe('unsupported');
    expect(rejection(() => readArticles(bytes(' \n\t\n'), 'a.txt')).code).toBe('empty');
    expect(rejection(() => readArticles(bytes('<html><body><script>1</script></body></html>'), 'a.html')).code).toBe('empty');
  });
});

describe('articleId', () => {
  const draft = { text: seed, title: null, sourceName: null, url: null, publishedAt: null, line: null };
  it('is the same for the same file dropped twice, different for the same text under another name or source', () => {
    expect(articleId(draft, 'inbox/a.txt')).toBe(articleId(draft, 'elsewhere/a.txt'));
    expect(articleId(draft, 'inbox/a.txt')).not.toBe(articleId(draft, 'inbox/b.txt'));
    expect(articleId({ ...draft, sourceName: 'العرب' }, 'x.json')).not.toBe(articleId({ ...draft, sourceName: 'رويترز' }, 'x.json'));
    expect(articleId(draft, 'inbox/a.txt')).toMatch(/^[0-9a-f]{16}$/);
  });
});
