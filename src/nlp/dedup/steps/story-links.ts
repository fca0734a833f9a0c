import type { DedupOptions } from '../params.js';
import { encodeClaimLink, encodePairLink, type ClaimPairLink, type PairLink } from '../links.js';
import type { ArticleMeta, LinkRequest, MetaOf } from '../index-store.js';
import { articleMarks } from '../story-marks.js';
import { actorsAllowOneEvent, datelinesAllowOneEvent, daysAllowOneEvent, facilitiesAllowOneEvent, factsAllowOneEvent, sameEvent, townsAllowOneEvent } from '../event-match.js';

/**
 * Copies and near duplicates always put two articles in one story. A reused passage or similar
 * content does so only between articles dated within the story window of each other (when both
 * dates are known), and a passage only between different sources: an outlet's own template
 * paragraphs (a standard closing, a recurring notice) would otherwise chain its unrelated articles
 * into one story (on 20,000 SaudiNewsNet articles, one story of 2,729, mostly through such passages).
 * The fact is still recorded on the article's story either way. A function of the pair alone, so
 * order does not matter.
 */
export type JoinOptions = Pick<DedupOptions, 'topicWindowHours' | 'eventPassageThreshold' | 'eventTimeScaleHours' | 'eventDayTolerance' | 'passageDayTolerance'>;

export function joinsStory(link: PairLink, a: ArticleMeta, b: ArticleMeta, background: boolean, options: JoinOptions): boolean {
  if (link.kind === 'exact' || link.kind === 'near-duplicate') return true;
  if (a.publishedAt !== null && b.publishedAt !== null && Math.abs(a.publishedAt - b.publishedAt) > options.topicWindowHours * 3600) return false;
  if (link.kind === 'reused-passage') {
    if (a.source !== null && a.source === b.source) return false;
    // A background paragraph (the war's context, repeated word for word under reports of other
    // events) is not the same event: the two articles' sketches must point at one event too (a
    // higher bar than similar content alone, since the shared paragraph's words are in both sketches).
    const gap = a.publishedAt === null || b.publishedAt === null ? null : a.publishedAt - b.publishedAt;
    if (background && !sameEvent(a.event, b.event, gap, { threshold: options.eventPassageThreshold, timeScaleHours: options.eventTimeScaleHours, dayTolerance: options.eventDayTolerance })) return false;
    // Any shared passage, background or not (on first sight a background paragraph is held by one
    // article and looks like a reprint): two leads that name days apart report two events. A passage
    // is held to 1 day (`passageDayTolerance`), not similar content's 2: it needs no likeness of the
    // two reports beyond the paragraph itself, and what two reports two days apart share is background.
    if (!daysAllowOneEvent(a.event, b.event, options.passageDayTolerance)) return false;
    // Likewise two leads that open with actors of two countries (Jordan and the UAE cutting their
    // fuel prices the same morning) report two decisions: what they share is the day's context.
    if (!actorsAllowOneEvent(a.event, b.event)) return false;
    // And one agency's two reports filed from two towns are two incidents (event-match.ts).
    if (!datelinesAllowOneEvent(a.event, b.event)) return false;
    // And two leads naming two towns the news happened in are two incidents (event-town.ts).
    if (!townsAllowOneEvent(a.event, b.event)) return false;
    // And two leads naming two kinds of place the incident struck (event-facility.ts).
    if (!facilitiesAllowOneEvent(a.event, b.event)) return false;
    // And two leads stating different match results, sentences or indicators report two events
    // (event-score.ts, event-verdict.ts, event-indicator.ts).
    if (!factsAllowOneEvent(a.event, b.event)) return false;
  }
  return true;
}

const KIND_STRENGTH: Record<PairLink['kind'], number> = { exact: 0, 'near-duplicate': 1, 'reused-passage': 2, 'similar-content': 3 };

/**
 * The `limit` links an article keeps: strongest kind first (so the record's `storyReason` is
 * unchanged), then the highest similarity, then the smallest other id; a function of the set of
 * verified candidates, whatever order they were found in.
 */
export function strongestLinks(links: readonly PairLink[], idOf: (num: number) => string, limit: number): PairLink[] {
  if (links.length <= limit) return [...links];
  return [...links]
    .sort((x, y) => KIND_STRENGTH[x.kind] - KIND_STRENGTH[y.kind] || y.similarity - x.similarity || idOf(x.b).localeCompare(idOf(y.b)))
    .slice(0, limit);
}

/**
 * Which of an article's pair links join its story: each as `joinsStory` decides, a passage only when
 * one of its runs is `substantial`, and **of the similar-content links only the strongest** (the
 * highest similarity, then the smallest other article number). Similar content is the weakest
 * evidence: an article that reads like two stories does not make them one. On SaudiNewsNet
 * 2015-07-23 (1,276 articles) every similar-content link joining gave one story of 491 articles
 * (forty institutions' Eid receptions, tech results, a minister's meetings, chained); the strongest
 * alone gave 192, and with rarity (`eventRarityScale`) 117. Copies and passages join as before.
 */
export function joiningLinks(
  me: ArticleMeta,
  pairLinks: readonly PairLink[],
  substantialPassages: ReadonlySet<number>,
  backgroundPassages: ReadonlySet<number>,
  meta: MetaOf,
  options: JoinOptions,
  passageContent: ReadonlyMap<number, number> = new Map(),
): boolean[] {
  const otherOf = (link: PairLink) => (link.a === me.num ? link.b : link.a);
  const passageJoins = pairLinks.map((link) => {
    const other = otherOf(link);
    return joinsStory(link, me, meta(other), backgroundPassages.has(other), options) && (link.kind !== 'reused-passage' || substantialPassages.has(other));
  });
  // A shared passage too short to join (`passageJoinTokens`: a quoted sentence, a stock phrase) is
  // no passage at all for the story: when the two reports' content is similar (`passageContent`, the
  // similar-content step run on the pair), the link competes as similar content does (story round 8).
  // Not a substantial passage refused by a gate, nor a background one: their paragraph's words are
  // in both sketches, and the gates and the background bar are there for it.
  const similarity = pairLinks.map((link, i) => {
    if (link.kind === 'similar-content') return passageJoins[i] ? link.similarity : null;
    const other = otherOf(link);
    if (link.kind === 'reused-passage' && !substantialPassages.has(other) && !backgroundPassages.has(other)) return passageContent.get(other) ?? null;
    return null;
  });
  let best = -1;
  pairLinks.forEach((link, i) => {
    const mine = similarity[i];
    if (mine === null || mine === undefined) return;
    const held = best < 0 ? null : similarity[best]!;
    if (held === null || mine > held || (mine === held && link.b < pairLinks[best]!.b)) best = i;
  });
  return pairLinks.map((link, i) => (similarity[i] !== null ? i === best : passageJoins[i]!));
}

/**
 * What the atomic link step records: each pair link (joining the story or not, see `joinsStory`; a
 * passage joins only when one of its runs is `substantial`), then each claim link (never joining).
 */
export function linkRequest(
  me: ArticleMeta,
  pairLinks: readonly PairLink[],
  claimLinks: readonly ClaimPairLink[],
  substantialPassages: ReadonlySet<number>,
  backgroundPassages: ReadonlySet<number>,
  meta: MetaOf,
  options: JoinOptions,
  passageContent: ReadonlyMap<number, number> = new Map(),
): LinkRequest {
  const joins = joiningLinks(me, pairLinks, substantialPassages, backgroundPassages, meta, options, passageContent);
  return {
    num: me.num,
    marks: articleMarks(me.event),
    links: [
      ...pairLinks.map((link, i) => ({
        other: link.b,
        joinsStory: joins[i]!,
        // The story-level gates need the other's marks when its story is the article alone.
        otherMarks: articleMarks(meta(link.b).event),
        ...encodePairLink(link),
      })),
      ...claimLinks.map((link) => ({ other: me.num, joinsStory: false, otherMarks: [], ...encodeClaimLink(link) })),
    ],
  };
}
