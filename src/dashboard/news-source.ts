import type { EnrichedRecord } from '../schema/record.js';
import { conflictsOf, listConflicts, type ConflictList, type ConflictsQuery } from './conflicts.js';
import { loadEntityIndex, type EntitiesQuery } from './entities-index.js';
import { entityFromRecords, searchRecords } from './news-index.js';
import type { OutputReader, RecordSummary } from './output-reader.js';
import type { EntityIndex, EntityView } from './pages/entity.js';
import type { SearchResults } from './pages/search.js';
import { loadPerson } from './person.js';
import type { EntityLookup } from './server.js';
import { withinTime } from './snapshot.js';
import { listStories, loadStoryView, type StoryListItem, type StoryView } from './stories.js';

/**
 * What the dashboard's news pages (news, record, conflicts, stories, entities, search) read, from
 * one of two sources: the output folder with the entity registry (`folderNews`, below: the embedded
 * default) or the record store's reader (`storeNews` in store-pages.ts: PostgreSQL, where no page
 * reads the output folder). The pages render what either returns.
 */
export interface NewsSource {
  /** The newest records, and a sentence that says which ones they are. */
  latest(limit: number): Promise<{ records: RecordSummary[]; note: string }>;
  record(id: string): Promise<RecordAnswer>;
  conflicts(query: ConflictsQuery): Promise<ConflictList>;
  stories(limit: number): Promise<StoryListItem[]>;
  story(id: string): Promise<StoryAnswer>;
  entityIndex(query: EntitiesQuery): Promise<EntityIndex>;
  entity(id: string): Promise<EntityView | null>;
  search(query: string): Promise<SearchResults>;
}

export type RecordAnswer =
  | { status: 'ok'; record: EnrichedRecord; conflicts: ConflictList | null }
  | { status: 'missing' }
  | { status: 'invalid'; reason: string };

export type StoryAnswer =
  | { status: 'story'; view: StoryView }
  | { status: 'merged'; into: string }
  /** No story file yet, but records name the story: their list. */
  | { status: 'partial'; members: RecordSummary[] }
  | { status: 'missing' };

/** How many of the newest records the folder's search and entity pages look through. */
export const SCAN_LIMIT = 5_000;

/** The output folder and the entity registry: the pages as they read before PostgreSQL. */
export function folderNews(output: OutputReader, entities: EntityLookup): NewsSource {
  return {
    async latest(limit) {
      return { records: await output.latestRecords(limit), note: 'most recently written records, newest publication first' };
    },

    async record(id) {
      const loaded = await output.record(id);
      if (loaded.status !== 'ok') return loaded;
      return { status: 'ok', record: loaded.value, conflicts: await conflictsOf(output, loaded.value.id) };
    },

    conflicts: (query) => listConflicts(output, query),

    stories: (limit) => listStories(output, { limit, scan: SCAN_LIMIT }),

    async story(storyId) {
      const loaded = await output.story(storyId);
      if (loaded.status === 'ok') {
        const story = loaded.value;
        if (story.mergedInto !== null) return { status: 'merged', into: story.mergedInto };
        return { status: 'story', view: await loadStoryView(output, story) };
      }
      const members = (await output.latestRecords(SCAN_LIMIT)).filter((record) => record.storyId === storyId);
      return members.length > 0 ? { status: 'partial', members } : { status: 'missing' };
    },

    entityIndex: (query) => loadEntityIndex(entities, output, query, SCAN_LIMIT),

    async entity(entityId) {
      const registered = await withinTime(entities.getEntity(entityId), 5_000, 'entity registry');
      if (registered) {
        const articleIds = await withinTime(entities.listArticles(entityId), 5_000, 'entity registry');
        const articles = (await output.recordsById(articleIds)).reverse();
        const basis = `From the entity registry: ${articleIds.length} article(s) mention it${articles.length < articleIds.length ? `, ${articles.length} of them in this output folder` : ''}.`;
        const person = registered.type === 'PER' ? await loadPerson(output, entityId, articleIds) : undefined;
        return { entityId, canonical: registered.canonical, type: registered.type, variants: registered.variants, articles, basis, ...(person ? { person } : {}) };
      }
      const view = entityFromRecords(await output.latestRecords(SCAN_LIMIT), entityId, `From the newest ${SCAN_LIMIT} records in the output folder (no entity registry).`);
      if (!view) return null;
      const person = view.type === 'PER' ? await loadPerson(output, entityId, view.articles.map((article) => article.id).reverse()) : undefined;
      return { ...view, ...(person ? { person } : {}) };
    },

    async search(query) {
      return searchRecords(await output.latestRecords(SCAN_LIMIT), query);
    },
  };
}
