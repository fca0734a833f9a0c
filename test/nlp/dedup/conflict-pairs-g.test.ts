// Guards the seventh, blind set of conflict pairs (test/fixtures/conflict-pairs-g/, README beside it),
// written for issue 25 as a reserve: article paragraphs of two to four sentences, people tolls and
// other counts worded differently across the sides, sums, bounds, same-day rises and later-day
// updates. The checks, shared with the other blind sets, only read the file; no claims, dedup or
// conflict code runs on the set, so it stays blind until the lead evaluates the conflict code on it, once.
import { guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'G',
  dir: 'test/fixtures/conflict-pairs-g',
  firstId: 801,
  earlierSets: pairFilesBefore('G'),
  storyGolds: storyGoldEventsBefore('G'),
  newOutlets: true,
  days: ['2026-12-01', '2026-12-31'],
  passage: 'an article paragraph',
  sentences: [2, 4],
  words: [30, 55],
  minWordsDigitsConflicts: 15,
  inWordsOneSideIn: 5,
  minCrowdedRates: 10,
});
