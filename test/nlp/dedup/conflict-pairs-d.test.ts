// Guards the fourth, blind set of conflict pairs (test/fixtures/conflict-pairs-d/, README beside it),
// written for issue 25 after the third set was spent, with passages as they stand in an article
// paragraph (three to five sentences, the subject often named only in an earlier sentence, other
// numbers of the same unit beside the compared one). The checks, shared with the other blind sets,
// only read the file; no claims, dedup or conflict code runs on the set, so it stays blind until the
// lead evaluates the conflict code on it, once.
import { guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'D',
  dir: 'test/fixtures/conflict-pairs-d',
  firstId: 501,
  earlierSets: pairFilesBefore('D'),
  storyGolds: storyGoldEventsBefore('D'),
  newOutlets: true,
  days: ['2026-09-01', '2026-10-01'],
  passage: 'an article paragraph',
  sentences: [3, 5],
  words: [40, 90],
  minWordsDigitsConflicts: 10,
  inWordsOneSideIn: 6,
  minCrowdedRates: 10,
});
