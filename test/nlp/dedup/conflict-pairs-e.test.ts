// Guards the fifth, blind set of conflict pairs (test/fixtures/conflict-pairs-e/, README beside it),
// written for issue 25 while the fourth awaits its one evaluation: article paragraphs of three or
// four sentences, counted nouns worded differently across the sides, the place often named on one
// side only. The checks, shared with the other blind sets, only read the file; no claims, dedup or
// conflict code runs on the set, so it stays blind until the lead evaluates the conflict code on it, once.
import { guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'E',
  dir: 'test/fixtures/conflict-pairs-e',
  firstId: 601,
  earlierSets: pairFilesBefore('E'),
  storyGolds: storyGoldEventsBefore('E'),
  newOutlets: true,
  days: ['2026-10-01', '2026-10-31'],
  passage: 'an article paragraph',
  sentences: [3, 4],
  words: [35, 60],
  minWordsDigitsConflicts: 15,
  inWordsOneSideIn: 5,
  minCrowdedRates: 10,
});
