// Guards the thirteenth, blind set of conflict pairs (test/fixtures/conflict-pairs-m/, README beside it),
// written for issue 25 as the reserve after set L: article paragraphs of two to four sentences, people
// tolls worded differently across the sides (synonyms, duals, numbers in words, a role noun against
// «شخص»), counts with no noun after them, prison terms in years against months, fines, contracts, loans,
// rates in paragraphs of rates, seats, buses and a tunnel, bounds, sums, same-day rises and later-day
// updates. The checks, shared with the other blind sets, only read the file; no claims, dedup or
// conflict code runs on the set, so it stays blind until the lead evaluates the conflict code on it, once.
import { PARAGRAPH_PAIR_SET, guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'M',
  dir: 'test/fixtures/conflict-pairs-m',
  firstId: 1401,
  earlierSets: pairFilesBefore('M'),
  storyGolds: storyGoldEventsBefore('M'),
  ...PARAGRAPH_PAIR_SET,
  days: ['2027-06-01', '2027-06-30'],
});
