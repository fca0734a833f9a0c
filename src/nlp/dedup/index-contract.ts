import type { DedupLayer } from '../../schema/dedup.js';
import type { Story } from '../../schema/story.js';
import type { Sentence } from '../../schema/text.js';
import type { DedupToken } from './shingles.js';
import type { DedupClaim } from './claims.js';

/** What the dedup stage reads of a record. */
export interface DedupInput {
  id: string;
  text: string;
  tokens: readonly DedupToken[];
  sentences: readonly Pick<Sentence, 'start' | 'end'>[];
  /** Entity mentions: type and offset weigh them for the event sketch (a person in the lead counts most); spans and types tell who a number is about (quantity-facts.ts). */
  entities?: ReadonlyArray<{ entityId: string; type?: 'PER' | 'ORG' | 'LOC' | 'MISC'; start?: number; end?: number; canonical?: string }>;
  claims?: readonly DedupClaim[];
  /** The title as written (an in-process index remembers it for the story's headline and titles). */
  title?: string | null;
  /** The title's tokens (the text layer run on the title), when the article has one: its words weigh most in the event sketch. */
  titleTokens?: readonly DedupToken[];
  /** ISO 8601, or null when unknown. */
  publishedAt: string | null;
  sourceName: string | null;
}

/** A story that an article's links merged into its own (the writer leaves a tombstone for it). */
export interface MergedStory {
  storyId: string;
  mergedInto: string;
}

export interface DedupResult {
  layer: DedupLayer;
  /** The story as it stands after this article (for the writer). */
  story: Story;
  /** Stories that this article's links merged into `story` (the writer leaves a tombstone for each). */
  mergedStories: MergedStory[];
}

/** What the per-article step returns: the record's layer and what the writer needs to know of the story. */
export interface DedupStep {
  layer: DedupLayer;
  storyId: string;
  /** The story's version right after this step (grows whenever the story changes). */
  storyVersion: number;
  /** Number of articles in the story right after this step. */
  storySize: number;
  /** Stories that this article's links merged into its story (the writer leaves a tombstone for each). */
  mergedStories: MergedStory[];
}

/** Where a story stands, read without its members or links. */
export interface StoryStatus {
  storyId: string;
  version: number;
  /** Number of articles in the story. */
  size: number;
}

/** The index's pairwise facts and stories, sorted: what two runs over the same articles must agree on. */
export interface DedupState {
  links: string[];
  stories: Array<{ storyId: string; members: string[] }>;
}

export interface DedupIndex {
  /** The per-article step (cost independent of the story's size): what the pipeline calls. */
  processArticle(input: DedupInput): Promise<DedupStep>;
  /** `processArticle` plus the whole story after it (O(story size): for analyse, evaluation, tests). */
  process(input: DedupInput): Promise<DedupResult>;
  /** The story with this id, or the story it was merged into; null for an id never seen. */
  getStory(storyId: string): Promise<Story | null>;
  /** Id, version and size of the story with this id (or the story it was merged into), without building it. */
  storyStatus(storyId: string): Promise<StoryStatus | null>;
  /** Number of articles indexed. */
  size(): Promise<number>;
  /** Every link and story (reads the whole index: for tests and evaluation, not for the pipeline). */
  dumpState(): Promise<DedupState>;
  /**
   * Up to `limit` stories merged away whose tombstone no writer has confirmed yet, each with the
   * story it now belongs to (followed to today's root). Call `tombstonesWritten` once they are written.
   */
  pendingTombstones(limit?: number): Promise<MergedStory[]>;
  tombstonesWritten(storyIds: readonly string[]): Promise<void>;
}
