// What the attribution rules find: word ranges into the text layer's words, speakers and statements.
import type { EntityMention } from '../../../schema/entities.js';
import type { CueVerb } from '../lexicon/cues.js';

export interface WordRange {
  first: number;
  /** Inclusive. */
  last: number;
}

export interface FoundSpeaker extends WordRange {
  /** The speaker words are not in this sentence (implicit subject resolved to an earlier mention). */
  resolved: boolean;
  /** The earlier full mention this one refers to («المصدر» → «مصدر أمني …»), if any. */
  antecedent: FoundSpeaker | null;
  entity: EntityMention | null;
  /**
   * Character offset where the speaker starts when a proclitic of its first word is left out
   * («وفقا لرويترز» → «رويترز»); absent when the speaker starts with its first word.
   */
  start?: number;
}

export interface FoundAttribution {
  sentence: number;
  cue: WordRange;
  verb: CueVerb | null;
  speaker: FoundSpeaker | null;
  /** Character span of the content (quotation marks excluded for a direct quote). */
  content: { start: number; end: number } | null;
  quote: 'direct' | 'indirect' | 'mixed' | null;
  /** A phrase source after its content or inside another statement («…، وفق ما أفاد مصدر»). */
  secondary?: boolean;
}
