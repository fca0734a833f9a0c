import { html, type HtmlValue, type SafeHtml } from '../html.js';

export interface PageOptions {
  title: string;
  /** The search box's current text. */
  query?: string;
  body: HtmlValue;
}

/** The shell of every page: nav, search over titles and entities, one stylesheet, one script file. */
export function page(options: PageOptions): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · khabar</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/"><span lang="ar" dir="rtl">خبر</span> khabar</a>
  <nav>
    <a href="/">Pipeline</a>
    <a href="/news">News</a>
    <a href="/stories">Stories</a>
    <a href="/entities">Entities</a>
    <a href="/conflicts">Conflicts</a>
    <a href="/alerts">Alerts</a>
    <a href="/feeds">Feeds</a>
    <a href="/queues">Queues</a>
  </nav>
  <form class="search" action="/search" method="get" role="search">
    <input type="search" name="q" value="${options.query ?? ''}" placeholder="Search titles and entities · بحث" aria-label="Search titles and entities" dir="auto">
  </form>
</header>
<main>
${options.body}
</main>
</body>
</html>
`;
}

/** A date-time as a compact UTC string (the operator's screen may be anywhere). */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A short piece of content (title, source, speaker, quote): isolated from the text around it. An
 * Arabic text is declared as such (`lang="ar" dir="rtl"`: right-to-left and the Arabic font whatever
 * the browser guesses); anything else (a file name, an English agency) keeps `dir="auto"`. The text
 * itself is only escaped, never changed. The block that holds it takes `dirOf` of the same text, so
 * that it aligns and wraps right-to-left too.
 */
export function arabic(text: string | null | undefined, fallback: HtmlValue = '—'): SafeHtml {
  return arabicText(text, fallback);
}

/** The first strong (directional) letter of a text: Latin, Hebrew or Arabic script. */
const FIRST_STRONG = /[A-Za-z\u00C0-\u024F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** Whether a text reads right-to-left as Arabic: its first strong letter is Arabic («عاجل: AP» is; «AP: عاجل» is not). */
export function startsArabic(text: string): boolean {
  const first = FIRST_STRONG.exec(text);
  return first !== null && ARABIC_LETTER.test(first[0]);
}

/** See `arabic`. */
export function arabicText(text: string | null | undefined, fallback: HtmlValue = '—'): SafeHtml {
  if (!text) return html`<span class="muted">${fallback}</span>`;
  return startsArabic(text) ? html`<bdi class="ar" lang="ar" dir="rtl">${text}</bdi>` : html`<bdi dir="auto">${text}</bdi>`;
}

/**
 * The `dir` of a block (table cell, list item, paragraph) whose content starts with this text: `rtl`
 * when it reads as Arabic, so it aligns right and its punctuation («.» ending a quote, a leading «»)
 * stays where a reader of Arabic expects it; `auto` otherwise. Computed here, not left to
 * `dir="auto"` on the block: that algorithm skips the `<bdi>` that holds the text.
 */
export function dirOf(text: string | null | undefined): 'rtl' | 'auto' {
  return text && startsArabic(text) ? 'rtl' : 'auto';
}

/** A number as a reader writes it: 2500, 12.5, 0.333 (not 0.3333333333333333). */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

/** «1 article», «2 articles». */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function notFound(what: string, detail: string): SafeHtml {
  return page({ title: `${what} not found`, body: html`<section class="empty"><h1>${what} not found</h1><p>${detail}</p></section>` });
}
