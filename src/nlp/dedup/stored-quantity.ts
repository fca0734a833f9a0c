// A stated number as the claims index keeps it (claims.ts encodes and decodes it; conflict-rules.ts
// compares two): hashes for the thing, subjects, frame and context words, and the marks. Types only.
import type { ComparableValue } from './quantity-agreement.js';

/** A quantity as the index keeps it: hashes for the thing, subjects and frame words. */
export interface StoredQuantity extends ComparableValue {
  countedHash: number;
  bound: 'lower' | 'upper' | null;
  rising: boolean;
  subgroup: boolean;
  generic: boolean;
  /** 32-bit hashes of the subject words the number's clause names (at most 6). */
  subjects: number[];
  /** 16-bit hashes of the frame words (at most 5). */
  frame: number[];
  /** 16-bit hashes of the words naming the period counted over (at most 3). */
  period: number[];
  /** 16-bit hashes of the content words around the number (at most 2 × `CONTEXT_WORDS`); empty in digests stored before them. */
  context: number[];
  /** How many of `context`'s first hashes are of the number's own sentence (the rest: the sentence before it). */
  contextOwn: number;
  /** 16-bit hashes of the group the counted belong to («من القوات الحكومية»; at most 3); empty in digests stored before them. */
  affiliation: number[];
  /** 16-bit hashes of the places named in the number's sentence and the one before (`scene`; at most 8); empty in digests stored before them. */
  scene: number[];
  /** How many of `scene`'s first hashes are places of the number's own sentence. */
  sceneOwn: number;
  /** The counted noun's hash (its key alone), and whether a role was read and is one that happens to people. */
  nounHash: number | null;
  hasRole: boolean;
  personRole: boolean;
  /**
   * A role on things that may meet the same noun with no role read (`THING_ROLES_MEET_NONE`; people
   * roles always may: `personRole`). Absent or false in digests stored before conflict round 7.
   */
  meetsNone?: boolean;
  /** People held by their noun alone (`QuantityFacts.held`): may meet a count of the released. Absent or false in digests stored before conflict round 7. */
  held?: boolean;
  /** Placed in a local unit by a head alone (`QuantityFacts.localised`). Absent or false in digests stored before conflict round 9. */
  localised?: boolean;
  /** The article states this counted thing with `CROWDED_VALUES` different values or more (see `markCrowded`). */
  crowded: boolean;
  /** The article's only figure of this people role (see `markSole`); false in digests stored before it was kept. */
  sole: boolean;
  headline: boolean; // a crowded value its article leads with (crowded.ts, `markHeadline`)
  names: number[]; // 16-bit hashes of the person names of the number's sentence (at most 3; stored with the context)
}
