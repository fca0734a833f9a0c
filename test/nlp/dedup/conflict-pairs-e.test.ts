// Guards the fifth, blind set of conflict pairs (test/fixtures/conflict-pairs-e/, README beside it),
// written for issue 25 while the fourth awaits its one evaluation: article paragraphs of three or
// four sentences, counted nouns worded differently across the sides, the place often named on one
// side only. The checks, shared with the other blind sets, only read the file; no claims, dedup or
// conflict code runs on the set, so it stays blind until the lead evaluates the conflict code on it, once.
import { guardBlindPairSet } from './blind-pair-set-guard.js';

guardBlindPairSet({
  name: 'E',
  dir: 'test/fixtures/conflict-pairs-e',
  firstId: 601,
  earlierSets: [
    'test/fixtures/conflict-pairs/pairs.jsonl',
    'test/fixtures/conflict-pairs-b/pairs.jsonl',
    'test/fixtures/conflict-pairs-c/pairs.jsonl',
    'test/fixtures/conflict-pairs-d/pairs.jsonl',
  ],
  storyGolds: [
    'test/fixtures/stories-gold/events.json',
    'test/fixtures/stories-gold-b/events.json',
    'test/fixtures/stories-gold-c/events.json',
    'test/fixtures/stories-gold-d/events.json',
  ],
  newOutlets: true,
  days: ['2026-10-01', '2026-10-31'],
  passage: 'an article paragraph',
  sentences: [3, 4],
  words: [35, 60],
  minWordsDigitsConflicts: 15,
  inWordsOneSideIn: 5,
  minCrowdedRates: 10,
});
