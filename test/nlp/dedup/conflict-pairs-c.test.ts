// Guards the third, blind set of conflict pairs (test/fixtures/conflict-pairs-c/, README beside it),
// written for issue 25 after the second set was spent, with passages closer to real news (two to four
// sentences with other numbers beside the compared one). The checks, shared with the other blind
// sets, only read the file and compare each label with the reading written beside it; no claims,
// dedup or conflict code runs on the set.
import { guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'C',
  dir: 'test/fixtures/conflict-pairs-c',
  firstId: 301,
  earlierSets: pairFilesBefore('C'),
  storyGolds: storyGoldEventsBefore('C'),
  newOutlets: false,
  days: ['2026-11-05', '2026-12-05'],
  passage: 'a news passage',
  sentences: [2, 4],
  words: [25, 70],
  minWordsDigitsConflicts: 5,
});
