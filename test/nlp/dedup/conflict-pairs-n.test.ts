// Guards the fourteenth, blind set of conflict pairs (test/fixtures/conflict-pairs-n/, README beside it),
// written for issue 25 as the reserve after set M: article paragraphs of two to four sentences, people
// tolls worded differently across the sides (synonyms, duals, numbers in words, a role noun against
// «شخص»), counts with no noun after them, prison terms in years against months, fines, contracts, loans,
// seats, lengths, prices, a date that is itself the fact, rates in paragraphs of rates, bounds, sums,
// a same-day rise and later-day updates. The checks, shared with the other blind sets, only read the
// file; no claims, dedup or conflict code runs on the set, so it stays blind until the lead evaluates
// the conflict code on it, once.
import { PARAGRAPH_PAIR_SET, guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'N',
  dir: 'test/fixtures/conflict-pairs-n',
  firstId: 1501,
  earlierSets: pairFilesBefore('N'),
  storyGolds: storyGoldEventsBefore('N'),
  ...PARAGRAPH_PAIR_SET,
  days: ['2027-07-01', '2027-07-31'],
});
