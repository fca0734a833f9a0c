import type { Story } from '../../schema/story.js';

/**
 * What a story says it is about: its headline (the title of its most central article), its key
 * entities, and each article's title. The index keeps no text, so these come, like quoted claims,
 * from the articles themselves: `ArticleSummarySource` (in process, what the index was given; in the
 * pipeline, the writer's quotes files or records).
 */

type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** What a story needs of one article: its title and the entities it names (once each). */
export interface ArticleSummary {
  title: string | null;
  entities: Array<{ entityId: string; name: string; type: EntityType; /** Named in the article's lead (its first two sentences). */ lead: boolean }>;
}

export interface ArticleSummarySource {
  /** The summaries of these articles, for those it knows. */
  articleSummaries(articleIds: readonly string[]): Promise<Map<string, ArticleSummary>>;
}

/** At most this many key entities a story. */
const MAX_KEY_ENTITIES = 8;

/** An article's summary from its title and entity mentions (`leadEnd`: where its lead ends in the text). */
export function articleSummary(title: string | null | undefined, mentions: ReadonlyArray<{ entityId: string; canonical: string; type: EntityType; start: number }>, leadEnd: number): ArticleSummary {
  const byId = new Map<string, ArticleSummary['entities'][number]>();
  for (const mention of mentions) {
    const known = byId.get(mention.entityId);
    const lead = mention.start < leadEnd;
    // The fullest form names it (the registry's canonical can grow from one mention to the next).
    if (!known) byId.set(mention.entityId, { entityId: mention.entityId, name: mention.canonical, type: mention.type, lead });
    else byId.set(mention.entityId, { ...known, lead: known.lead || lead, name: mention.canonical.length > known.name.length ? mention.canonical : known.name });
  }
  return { title: title?.trim() ? title.trim() : null, entities: [...byId.values()].sort((a, b) => (a.entityId < b.entityId ? -1 : 1)) };
}

/** Where the lead ends: the end of the second sentence (or of the text when it has fewer). */
export function leadEndOf(sentences: ReadonlyArray<{ end: number }>): number {
  return sentences[Math.min(1, sentences.length - 1)]?.end ?? 0;
}

/**
 * The story's most central article: the one linked to the most other members (the story's links),
 * then the earliest, then the smallest id; among the articles whose title is known.
 */
function centralArticle(story: Story, titled: ReadonlySet<string>): string | null {
  const degree = new Map<string, Set<string>>();
  for (const link of story.links) {
    if (!degree.has(link.a)) degree.set(link.a, new Set());
    if (!degree.has(link.b)) degree.set(link.b, new Set());
    degree.get(link.a)!.add(link.b);
    degree.get(link.b)!.add(link.a);
  }
  const candidates = story.articles.filter((article) => titled.has(article.id));
  candidates.sort(
    (x, y) =>
      (degree.get(y.id)?.size ?? 0) - (degree.get(x.id)?.size ?? 0) ||
      (x.publishedAt ?? '\uffff').localeCompare(y.publishedAt ?? '\uffff') ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  return candidates[0]?.id ?? null;
}

/**
 * Key entities: those named by the most articles of the story, an article naming it in its lead
 * counting double; in a story of several articles only entities that two of them name (one outlet's
 * aside is not what the story is about). Most salient first, at most 8.
 */
function keyEntities(story: Story, summaries: ReadonlyMap<string, ArticleSummary>): NonNullable<Story['keyEntities']> {
  const tally = new Map<string, { entityId: string; name: string; type: EntityType; articles: number; score: number }>();
  for (const article of story.articles) {
    for (const entity of summaries.get(article.id)?.entities ?? []) {
      const known = tally.get(entity.entityId) ?? { entityId: entity.entityId, name: entity.name, type: entity.type, articles: 0, score: 0 };
      known.articles += 1;
      known.score += entity.lead ? 2 : 1;
      if (entity.name.length > known.name.length) known.name = entity.name;
      tally.set(entity.entityId, known);
    }
  }
  const known = story.articles.filter((article) => summaries.has(article.id)).length;
  return [...tally.values()]
    .filter((entity) => known < 2 || entity.articles >= 2)
    .sort((x, y) => y.score - x.score || y.articles - x.articles || (x.entityId < y.entityId ? -1 : 1))
    .slice(0, MAX_KEY_ENTITIES)
    .map(({ entityId, name, type, articles }) => ({ entityId, name, type, articles }));
}

/** The story with its headline, key entities and article titles filled in from what `summaries` knows (a new story). */
export function summariseStory(story: Story, summaries: ReadonlyMap<string, ArticleSummary>): Story {
  const titled = new Set(story.articles.filter((article) => summaries.get(article.id)?.title).map((article) => article.id));
  const central = centralArticle(story, titled);
  return {
    ...story,
    articles: story.articles.map((article) => ({ ...article, title: summaries.get(article.id)?.title ?? null })),
    headline: central === null ? null : summaries.get(central)!.title,
    keyEntities: keyEntities(story, summaries),
  };
}

/** Remembers the summaries of the last `limit` articles it is given (in-process use, like `MemoryClaimTexts`). */
export class MemorySummaries implements ArticleSummarySource {
  private readonly summaries = new Map<string, ArticleSummary>();
  constructor(private readonly limit = 20_000) {}

  set(articleId: string, summary: ArticleSummary): void {
    this.summaries.delete(articleId);
    this.summaries.set(articleId, summary);
    while (this.summaries.size > this.limit) this.summaries.delete(this.summaries.keys().next().value!);
  }

  articleSummaries(articleIds: readonly string[]): Promise<Map<string, ArticleSummary>> {
    return Promise.resolve(new Map(articleIds.flatMap((id) => (this.summaries.has(id) ? [[id, this.summaries.get(id)!] as const] : []))));
  }
}
