// Guards the eighth, blind set of conflict pairs (test/fixtures/conflict-pairs-h/, README beside it),
// written for issue 25 as a reserve: article paragraphs of two to four sentences, people tolls worded
// differently across the sides (synonyms, duals, numbers in words, a role noun against «شخص»), counted
// nouns named apart from the number, sentences, fines, rates, seats, houses, vehicles and aircraft,
// bounds, sums, same-day rises and later-day updates. The checks, shared with the other blind sets,
// only read the file; no claims, dedup or conflict code runs on the set, so it stays blind until the
// lead evaluates the conflict code on it, once.
import { PARAGRAPH_PAIR_SET, guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'H',
  dir: 'test/fixtures/conflict-pairs-h',
  firstId: 901,
  earlierSets: pairFilesBefore('H'),
  storyGolds: storyGoldEventsBefore('H'),
  ...PARAGRAPH_PAIR_SET,
  days: ['2027-01-01', '2027-01-31'],
});
