// Guards the ninth, blind set of conflict pairs (test/fixtures/conflict-pairs-i/, README beside it),
// written for issue 25 as the next reserve: article paragraphs of two to four sentences, people tolls
// worded differently across the sides (synonyms, duals, numbers in words, a role noun against «شخص»),
// counted nouns named apart from the number, prison terms, fines, money, rates in paragraphs of
// rates, seats, houses, vehicles and aircraft, bounds, sums, same-day rises and later-day updates.
// The checks, shared with the other blind sets, only read the file; no claims, dedup or conflict code
// runs on the set, so it stays blind until the lead evaluates the conflict code on it, once.
import { PARAGRAPH_PAIR_SET, guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'I',
  dir: 'test/fixtures/conflict-pairs-i',
  firstId: 1001,
  earlierSets: pairFilesBefore('I'),
  storyGolds: storyGoldEventsBefore('I'),
  ...PARAGRAPH_PAIR_SET,
  days: ['2027-02-01', '2027-02-28'],
});
