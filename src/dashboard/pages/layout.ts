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
    <a href="/conflicts">Conflicts</a>
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
 * A short piece of content (title, source, speaker): isolated from the text around it, its
 * direction taken from its first strong letter (Arabic → right-to-left; a file name stays
 * left-to-right), in the Arabic font stack. Article bodies are explicitly `dir="rtl"` instead.
 */
export function arabic(text: string | null | undefined, fallback = '—'): SafeHtml {
  return text ? html`<bdi class="ar" dir="auto">${text}</bdi>` : html`<span class="muted">${fallback}</span>`;
}

/** The first strong (directional) letter of a text: Latin, Hebrew or Arabic script. */
const FIRST_STRONG = /[A-Za-z\u00C0-\u024F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** Whether a text reads right-to-left as Arabic: its first strong letter is Arabic («عاجل: AP» is; «AP: عاجل» is not). */
export function startsArabic(text: string): boolean {
  const first = FIRST_STRONG.exec(text);
  return first !== null && ARABIC_LETTER.test(first[0]);
}

/**
 * Like `arabic`, but an Arabic text is declared as such (`lang="ar" dir="rtl"`: right-to-left and
 * the Arabic font whatever the browser guesses); anything else keeps `dir="auto"`. The text itself is
 * only escaped, never changed.
 */
export function arabicText(text: string | null | undefined, fallback: HtmlValue = '—'): SafeHtml {
  if (!text) return html`<span class="muted">${fallback}</span>`;
  return startsArabic(text) ? html`<bdi class="ar" lang="ar" dir="rtl">${text}</bdi>` : html`<bdi dir="auto">${text}</bdi>`;
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
