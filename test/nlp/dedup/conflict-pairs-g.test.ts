// Guards the seventh, blind set of conflict pairs (test/fixtures/conflict-pairs-g/, README beside it),
// written for issue 25 as a reserve: article paragraphs of two to four sentences, people tolls and
// other counts worded differently across the sides, sums, bounds, same-day rises and later-day
// updates. The checks, shared with the other blind sets, only read the file; no claims, dedup or
// conflict code runs on the set, so it stays blind until the lead evaluates the conflict code on it, once.
import { guardBlindPairSet } from './blind-pair-set-guard.js';

guardBlindPairSet({
  name: 'G',
  dir: 'test/fixtures/conflict-pairs-g',
  firstId: 801,
  earlierSets: [
    'test/fixtures/conflict-pairs/pairs.jsonl',
    'test/fixtures/conflict-pairs-b/pairs.jsonl',
    'test/fixtures/conflict-pairs-c/pairs.jsonl',
    'test/fixtures/conflict-pairs-d/pairs.jsonl',
    'test/fixtures/conflict-pairs-e/pairs.jsonl',
    'test/fixtures/conflict-pairs-f/pairs.jsonl',
  ],
  storyGolds: [
    'test/fixtures/stories-gold/events.json',
    'test/fixtures/stories-gold-b/events.json',
    'test/fixtures/stories-gold-c/events.json',
    'test/fixtures/stories-gold-d/events.json',
    'test/fixtures/stories-gold-e/events.json',
    'test/fixtures/stories-gold-f/events.json',
  ],
  newOutlets: true,
  days: ['2026-12-01', '2026-12-31'],
  passage: 'an article paragraph',
  sentences: [2, 4],
  words: [30, 55],
  minWordsDigitsConflicts: 15,
  inWordsOneSideIn: 5,
  minCrowdedRates: 10,
});
