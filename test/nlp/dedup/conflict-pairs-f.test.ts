// Guards the sixth, blind set of conflict pairs (test/fixtures/conflict-pairs-f/, README beside it),
// written for issue 25 after the fifth was spent: article paragraphs of three or four sentences,
// counted nouns without a role word and worded differently across the sides, dual forms, numbers in
// words, breakdowns, paragraphs of rates, and outlets of one family beside unrelated outlets. The
// checks, shared with the other blind sets, only read the file; no claims, dedup or conflict code
// runs on the set, so it stays blind until the lead evaluates the conflict code on it, once.
import { guardBlindPairSet } from './blind-pair-set-guard.js';
import { pairFilesBefore, storyGoldEventsBefore } from './blind-sets.js';

guardBlindPairSet({
  name: 'F',
  dir: 'test/fixtures/conflict-pairs-f',
  firstId: 701,
  earlierSets: pairFilesBefore('F'),
  storyGolds: storyGoldEventsBefore('F'),
  newOutlets: true,
  days: ['2026-11-01', '2026-11-30'],
  passage: 'an article paragraph',
  sentences: [3, 4],
  words: [35, 60],
  minWordsDigitsConflicts: 18,
  inWordsOneSideIn: 4,
  minCrowdedRates: 20,
});
