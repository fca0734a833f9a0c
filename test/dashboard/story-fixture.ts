import type { EnrichedRecord } from '../../src/schema/record.js';
import type { Story } from '../../src/schema/story.js';
import { countedKey } from '../../src/nlp/dedup/claims.js';
import { encodeClaimLink, encodePairLink } from '../../src/nlp/dedup/links.js';
import { articleClaimTexts, buildStory, fillClaimTexts } from '../../src/nlp/dedup/story.js';

/**
 * The story file of two real records whose claims conflict (the two reports of one fire in
 * test/fixtures/dashboard-conflict, analysed by `fixtureConflictPair`): the conflicts link the dedup stage stored on the later record, turned into
 * the story builder's link fields and built by the real `buildStory` + `fillClaimTexts`. On top, the
 * fields issue 25's story builder adds (headline, key entities, article titles, a conflict's reason),
 * derived from the same records. b (دجلة نيوز) is dated before a (الرافدين) here, so that publication
 * order differs from id and analysis order.
 */
export function conflictStory(earlier: EnrichedRecord, later: EnrichedRecord): Story {
  const link = later.dedup?.claimLinks.find((claimLink) => claimLink.relation === 'conflicts' && claimLink.otherId === earlier.id);
  if (!link) throw new Error('the later report has no conflicts link to the earlier one: the fixture needs one');
  const laterClaim = later.claims?.[link.claim];
  const earlierClaim = earlier.claims?.[link.otherClaim];
  const keyOf = (quantity: { counted: string | null; unit: string | null }) => countedKey(quantity.counted ?? quantity.unit ?? '');
  const laterQuantity = laterClaim?.quantities.find((quantity) => earlierClaim?.quantities.some((other) => keyOf(other) === keyOf(quantity)));
  const earlierQuantity = laterQuantity && earlierClaim?.quantities.find((quantity) => keyOf(quantity) === keyOf(laterQuantity));
  if (!laterQuantity || !earlierQuantity) throw new Error('the conflicting claims share no counted thing');
  const counted = keyOf(laterQuantity);

  const members = [
    { num: 0, id: earlier.id, source: earlier.source.name, publishedAt: '2021-07-14T09:00:00.000Z' },
    { num: 1, id: later.id, source: later.source.name, publishedAt: '2021-07-13T18:30:00.000Z' },
  ];
  const quantity = (q: typeof laterQuantity) => ({ value: q.value, valueMax: q.valueMax, approx: q.approx });
  const claimField = encodeClaimLink({ a: 1, aClaim: link.claim, b: 0, bClaim: link.otherClaim, relation: 'conflicts', similarity: link.similarity, counted, aQuantity: quantity(laterQuantity), bQuantity: quantity(earlierQuantity) });
  const pairField = encodePairLink({ kind: 'similar-content', a: 0, b: 1, similarity: 0.3, passages: [] });
  const built = buildStory(earlier.id, 1, members, new Map([[claimField.field, claimField.value], [pairField.field, pairField.value]]));
  const story = fillClaimTexts(built, new Map([earlier, later].map((record) => [record.id, articleClaimTexts(record.claims ?? [])])));

  const titles = new Map([earlier, later].map((record) => [record.id, record.title]));
  const named = (record: EnrichedRecord) => new Map((record.entities ?? []).map((mention) => [mention.entityId, mention]));
  const laterEntities = named(later);
  const keyEntities = [...named(earlier).values()]
    .filter((mention) => laterEntities.has(mention.entityId))
    .slice(0, 8)
    .map((mention) => ({ entityId: mention.entityId, name: mention.canonical, type: mention.type, articles: 2 }));
  return {
    ...story,
    headline: earlier.title,
    keyEntities,
    articles: story.articles.map((article) => ({ ...article, title: titles.get(article.id) ?? null })),
    conflicts: story.conflicts.map((conflict) => ({ ...conflict, reason: `كلاهما يعد «${laterQuantity.counted ?? counted}» في الحدث نفسه، والعددان ${earlierQuantity.value} و${laterQuantity.value} لا يتفقان` })),
  };
}

/** The same story as a story file written before issue 25: no headline, key entities, titles or reasons. */
export function withoutNewFields(story: Story): Story {
  const { headline: _headline, keyEntities: _keyEntities, ...rest } = story;
  return {
    ...rest,
    articles: story.articles.map(({ title: _title, ...article }) => article),
    conflicts: story.conflicts.map(({ reason: _reason, ...conflict }) => conflict),
  };
}
