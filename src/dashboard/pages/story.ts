import type { Story } from '../../schema/story.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import type { RecordSummary } from '../output-reader.js';
import { MAX_TIMELINE, type Headline, type QuoteView, type StoryListItem, type StoryView, type TimelineEntry, type TimelineRelation } from '../stories.js';
import { recordRows } from './news.js';
import { arabicText, count, dirOf, formatNumber, page, startsArabic, when } from './layout.js';

/** A relation as the timeline reads it, from the later article's side («copy of») or the earlier one's («copied by»). */
const RELATION_WORDS: Record<TimelineRelation['label'], { ofEarlier: string; ofLater: string }> = {
  copy: { ofEarlier: 'copy of', ofLater: 'copied by' },
  'near copy': { ofEarlier: 'near copy of', ofLater: 'near-copied by' },
  'reused passage': { ofEarlier: 'reuses a passage of', ofLater: 'passage reused by' },
  'similar content': { ofEarlier: 'similar content to', ofLater: 'similar content to' },
};

const HEADLINE_NOTE: Record<Headline['basis'], string> = {
  story: '',
  'earliest-article': 'The title of its earliest article (this story file names no headline).',
  none: 'No title known for any of its articles yet.',
};

/** The page's h1: the headline right-to-left when Arabic, else the story id. */
function headlineHeading(headline: Headline, storyId: string): SafeHtml {
  if (!headline.text) return html`<h1>Story <span class="mono">${storyId}</span></h1>`;
  return startsArabic(headline.text) ? html`<h1 class="headline ar" lang="ar" dir="rtl">${headline.text}</h1>` : html`<h1 class="headline" dir="auto">${headline.text}</h1>`;
}

function outletName(name: string | null): SafeHtml {
  return arabicText(name, 'unknown outlet');
}

function keyEntitiesSection(view: StoryView): SafeHtml {
  const total = view.story.articles.length;
  const note = view.keyEntitiesBasis === 'records' ? html`<p class="muted">Counted from the articles' records (this story file lists no key entities).</p>` : '';
  return html`<section class="key-entities"><h2>Key entities</h2>${view.keyEntities.length === 0
    ? html`<p class="muted">None named in more than one of its articles.</p>`
    : html`<ul class="entity-list" dir="${dirOf(view.keyEntities[0]?.name)}">${view.keyEntities.map(
        (entity) => html`<li dir="${dirOf(entity.name)}"><a class="ent ent-${entity.type}" href="/entities/${pathSegment(entity.entityId)}">${arabicText(entity.name)}</a> <span class="muted" dir="ltr">${entity.type} · in ${entity.articles} of ${count(total, 'article')}</span></li>`,
      )}</ul>`}${note}</section>`;
}

function relationCell(relations: readonly TimelineRelation[]): SafeHtml {
  if (relations.length === 0) return html`<span class="muted">—</span>`;
  return html`<ul class="plain">${relations.map((relation) => {
    const words = RELATION_WORDS[relation.label];
    return html`<li dir="auto"><span class="tag link-kind" data-kind="${relation.label}">${relation.otherIsEarlier ? words.ofEarlier : words.ofLater}</span> <a href="#article-${relation.otherId}">${outletName(relation.otherSource)}</a> <span class="muted">${when(relation.otherPublishedAt)}</span></li>`;
  })}</ul>`;
}

function timelineRow(entry: TimelineEntry): SafeHtml {
  return html`<tr id="article-${entry.id}">
  <td class="when">${when(entry.publishedAt)}</td>
  <td class="outlet" dir="${dirOf(entry.source)}">${outletName(entry.source)}</td>
  <td class="title" dir="${dirOf(entry.title)}"><a href="/records/${pathSegment(entry.id)}">${arabicText(entry.title, html`<span class="mono">${entry.id}</span>`)}</a></td>
  <td>${relationCell(entry.relations)}</td>
</tr>`;
}

function timelineSection(view: StoryView): SafeHtml {
  const total = view.story.articles.length;
  const cut = total > view.timeline.length ? html`<p class="muted">The first ${view.timeline.length} of ${total} articles (at most ${MAX_TIMELINE} are shown).</p>` : '';
  const linksCut = view.linkCount > view.story.links.length ? html`<p class="muted">Links shown: ${view.story.links.length} of ${view.linkCount} (each article's record lists all of its own).</p>` : '';
  return html`<section class="timeline"><h2>Timeline</h2>
<p>Outlets in the order they ran it:</p>
<ol class="outlets" dir="${dirOf(view.outlets[0]?.name)}">${view.outlets.map((outlet) => html`<li dir="${dirOf(outlet.name)}">${outletName(outlet.name)} <span class="muted" dir="ltr">${count(outlet.articles, 'article')} · first ${when(outlet.first)}</span></li>`)}</ol>
${cut}<div class="scroll"><table class="timeline"><thead><tr><th>published</th><th>outlet</th><th>article</th><th>link to the others</th></tr></thead><tbody>${view.timeline.map(timelineRow)}</tbody></table></div>${linksCut}</section>`;
}

function claimSource(claim: { articleId: string; source: string | null; publishedAt: string | null }): SafeHtml {
  return html`<a href="/records/${pathSegment(claim.articleId)}">${outletName(claim.source)}</a> <span class="muted">${when(claim.publishedAt)}</span>`;
}

function quoteItem(view: QuoteView): SafeHtml {
  const { quote, copyOf } = view;
  const copy = copyOf ? html` <span class="tag link-kind" data-kind="copy">copy of</span> <a href="/records/${pathSegment(copyOf.articleId)}">${outletName(copyOf.source)}</a>` : '';
  const text = quote.text
    ? startsArabic(quote.text) ? html`<p class="quote ar" lang="ar" dir="rtl">${quote.text}</p>` : html`<p class="quote" dir="auto">${quote.text}</p>`
    : html`<p class="quote muted">claim ${quote.claim} (its record is not written yet)</p>`;
  return html`<li dir="${dirOf(quote.text)}"${copyOf ? html` class="copy"` : ''}>${text}<p class="quote-source" dir="${dirOf(quote.source)}">${claimSource(quote)}${copy}</p></li>`;
}

function corroboratedSection(view: StoryView): SafeHtml {
  return html`<section class="corroborated"><h2>Corroborated claims</h2>${view.corroborations.length === 0
    ? html`<p class="muted">None yet.</p>`
    : html`<ol>${view.corroborations.map(({ group, quotes, independentOutlets }) => {
        const copied = group.sources.filter((source) => !independentOutlets.includes(source));
        return html`<li><p>Carried independently by ${count(independentOutlets.length, 'outlet')}: ${independentOutlets.map((source) => html`<span class="tag">${outletName(source)}</span> `)}${copied.length > 0 ? html`<span class="muted">(and in copies by ${copied.map((source, i) => html`${i > 0 ? ', ' : ''}${outletName(source)}`)})</span>` : ''}</p><ul class="quotes">${quotes.map(quoteItem)}</ul>${group.claimCount !== undefined && group.claimCount > group.claims.length ? html`<p class="muted">${group.claims.length} of ${group.claimCount} quotes shown.</p>` : ''}</li>`;
      })}</ol>`}</section>`;
}

/** Values in publication order (undated last), as the timeline. */
function byDate(a: { publishedAt: string | null; articleId: string; claim: number }, b: { publishedAt: string | null; articleId: string; claim: number }): number {
  if ((a.publishedAt === null) !== (b.publishedAt === null)) return a.publishedAt === null ? 1 : -1;
  return (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.articleId.localeCompare(b.articleId) || a.claim - b.claim;
}

function valueText(value: Story['conflicts'][number]['values'][number]): SafeHtml {
  return html`<b>${formatNumber(value.value)}${value.valueMax !== null ? html`–${formatNumber(value.valueMax)}` : ''}</b>${value.approx ? ' (approx.)' : ''}`;
}

function conflictsSection(story: Story): SafeHtml {
  return html`<section class="story-conflicts"><h2>Conflicting numbers</h2>${story.conflicts.length === 0
    ? html`<p class="muted">No disagreeing numbers.</p>`
    : story.conflicts.map(
        (conflict) => html`<div class="conflict">
<p class="reason" dir="${conflict.reason ? dirOf(conflict.reason) : 'auto'}">${conflict.reason ? arabicText(conflict.reason) : html`same counted thing: ${arabicText(conflict.counted)}`}</p>
<div class="scroll"><table class="conflict-values"><thead><tr><th>value</th><th>as written</th><th>claim</th><th>outlet</th></tr></thead><tbody>${[...conflict.values].sort(byDate).map(
          (value) => html`<tr><td>${valueText(value)}</td><td dir="${dirOf(value.quantityText)}">${arabicText(value.quantityText)}</td><td dir="${dirOf(value.text)}">${arabicText(value.text, `claim ${value.claim} (its record is not written yet)`)}</td><td dir="${dirOf(value.source)}">${claimSource(value)}</td></tr>`,
        )}</tbody></table></div>${conflict.valueCount !== undefined && conflict.valueCount > conflict.values.length ? html`<p class="muted">${conflict.values.length} of ${conflict.valueCount} values shown.</p>` : ''}
</div>`,
      )}</section>`;
}

export function storyPage(view: StoryView): SafeHtml {
  const { story, headline } = view;
  return page({
    title: headline.text ?? `Story ${story.storyId}`,
    body: html`<article class="story">
${headlineHeading(headline, story.storyId)}
${HEADLINE_NOTE[headline.basis] ? html`<p class="muted">${HEADLINE_NOTE[headline.basis]}</p>` : ''}
<p class="story-meta">${count(story.articles.length, 'article')} from ${count(story.sources.length, 'outlet')} · first seen ${when(story.firstSeen)} · last seen ${when(story.lastSeen)} · <span class="mono muted">story ${story.storyId}</span></p>
${keyEntitiesSection(view)}
${timelineSection(view)}
${corroboratedSection(view)}
${conflictsSection(story)}
</article>`,
  });
}

/** A story known only from records (the dedup stage has not written its file yet). */
export function partialStoryPage(storyId: string, records: readonly RecordSummary[]): SafeHtml {
  return page({
    title: `Story ${storyId}`,
    body: html`<h1>Story <span class="mono">${storyId}</span></h1><p class="muted">No story file yet; the records that name this story:</p>${recordRows(records)}`,
  });
}

/** A wire story reprinted by hundreds of outlets: the first few, and how many more. */
const MAX_LISTED_OUTLETS = 8;

function sourceTags(sources: readonly string[]): SafeHtml {
  const more = sources.length - MAX_LISTED_OUTLETS;
  return html`${sources.slice(0, MAX_LISTED_OUTLETS).map((source) => html`<span class="tag">${outletName(source)}</span> `)}${more > 0 ? html`<span class="muted">and ${more} more</span>` : ''}`;
}

function storyLink(story: StoryListItem): SafeHtml {
  const label = story.headline.text ? arabicText(story.headline.text) : html`<span class="mono">${story.storyId}</span>`;
  return html`<a href="/stories/${pathSegment(story.storyId)}">${label}</a>`;
}

export function storiesPage(stories: readonly StoryListItem[]): SafeHtml {
  return page({
    title: 'Stories',
    body: html`<h1>Stories</h1>${stories.length === 0
      ? html`<p class="empty">No stories yet: the dedup stage groups articles into stories once it is in the chain.</p>`
      : html`<p class="muted">Newest news first (by the last article's publication time).</p><div class="scroll"><table class="stories"><thead><tr><th>headline</th><th>outlets</th><th>articles</th><th>first seen</th><th>last seen</th><th>conflicts</th></tr></thead><tbody>${stories.map(
          (story) => html`<tr><td class="title" dir="${dirOf(story.headline.text)}">${storyLink(story)}</td><td dir="${dirOf(story.sources[0])}">${sourceTags(story.sources)}</td><td>${story.articles}</td><td>${when(story.firstSeen)}</td><td>${when(story.lastSeen)}</td><td>${story.conflicts > 0 ? html`<b>${story.conflicts}</b>` : '0'}</td></tr>`,
        )}</tbody></table></div>`}`,
  });
}
