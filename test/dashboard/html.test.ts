import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../src/dashboard/html.js';
import { highlightText, type Mark } from '../../src/dashboard/highlight.js';

const unescape = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Our own markup in highlighted text: entity links and spans; whatever is left must be escaped text. */
const OWN_TAGS = /<a class="ent ent-[A-Z]+" href="[^"<>]*" title="[^"<>]*">|<\/a>|<span class="(?:reused|boilerplate)"(?: title="[^"<>]*")?>|<\/span>/g;

describe('escaping', () => {
  it('turns markup in article text into text', () => {
    expect(escapeHtml('<script>alert("x")</script> & <img src=x onerror=\'y\'>')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;y&#39;&gt;',
    );
    expect(html`<p title="${'" onmouseover="x'}">${'<b>عاجل</b>'}</p>`.value).toBe('<p title="&quot; onmouseover=&quot;x">&lt;b&gt;عاجل&lt;/b&gt;</p>');
  });

  it('passes nested fragments through and escapes arrays item by item', () => {
    expect(html`<ul>${['<i>', 'بغداد'].map((item) => html`<li>${item}</li>`)}</ul>`.value).toBe('<ul><li>&lt;i&gt;</li><li>بغداد</li></ul>');
  });
});

describe('highlightText', () => {
  const text = 'قال رئيس الوزراء مصطفى الكاظمي في بغداد <script>alert(1)</script>';

  it('marks an entity by its offsets, not by searching its text', () => {
    const start = text.indexOf('مصطفى');
    const out = highlightText(text, [{ start, end: start + 'مصطفى الكاظمي'.length, kind: 'entity', type: 'PER', href: '/entities/per%3Ax', title: 'PER: مصطفى الكاظمي' }]).value;
    expect(out).toContain('<a class="ent ent-PER" href="/entities/per%3Ax" title="PER: مصطفى الكاظمي">مصطفى الكاظمي</a>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toContain('<script>');
  });

  it('keeps an entity one link when a reused passage crosses it, and drops a mention nested in another', () => {
    const text = 'زار مصطفى الكاظمي واشنطن';
    const start = text.indexOf('مصطفى');
    const end = start + 'مصطفى الكاظمي'.length;
    const out = highlightText(text, [
      { start, end, kind: 'entity', type: 'PER', href: '/entities/p', title: 'PER' },
      { start: start + 6, end: end - 2, kind: 'entity', type: 'PER', href: '/entities/q', title: 'PER' },
      { start: 0, end: start + 3, kind: 'reused', title: 'also in x' },
    ]).value;
    expect(out.match(/<a /g)).toHaveLength(1);
    expect(out).toBe('<span class="reused" title="also in x">زار </span><a class="ent ent-PER" href="/entities/p" title="PER"><span class="reused" title="also in x">مصط</span>فى الكاظمي</a> واشنطن');
  });

  it('drops marks whose offsets do not fit the text', () => {
    const out = highlightText('بغداد', [{ start: 3, end: 99, kind: 'entity', type: 'LOC' }, { start: 4, end: 2, kind: 'entity', type: 'LOC' }]).value;
    expect(out).toBe('بغداد');
  });

  it('keeps every character of the original text, escaped, whatever the text and the marks (property)', () => {
    const arbText = fc.string({ unit: fc.constantFrom('ب', 'غ', 'د', 'ا', ' ', '<', '>', '&', '"', "'", 's', '\n', '\u200f'), maxLength: 60 });
    fc.assert(
      fc.property(arbText, fc.array(fc.tuple(fc.nat(70), fc.nat(70), fc.constantFrom<Mark['kind']>('entity', 'reused', 'boilerplate')), { maxLength: 8 }), (sample, raw) => {
        const marks: Mark[] = raw.map(([a, b, kind]) => ({ start: Math.min(a, b), end: Math.max(a, b), kind, type: 'LOC', href: '/entities/x', title: '<t>' }));
        const out = highlightText(sample, marks).value;
        const rest = out.replace(OWN_TAGS, '');
        expect(rest).not.toMatch(/[<>]/);
        expect(unescape(rest)).toBe(sample);
      }),
    );
  });
});
