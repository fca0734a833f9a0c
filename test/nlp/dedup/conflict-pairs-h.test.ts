// Guards the eighth, blind set of conflict pairs (test/fixtures/conflict-pairs-h/, README beside it),
// written for issue 25 as a reserve: article paragraphs of two to four sentences, people tolls worded
// differently across the sides (synonyms, duals, numbers in words, a role noun against «شخص»), counted
// nouns named apart from the number, sentences, fines, rates, seats, houses, vehicles and aircraft,
// bounds, sums, same-day rises and later-day updates. The checks, shared with the other blind sets,
// only read the file; no claims, dedup or conflict code runs on the set, so it stays blind until the
// lead evaluates the conflict code on it, once.
import { guardBlindPairSet } from './blind-pair-set-guard.js';

guardBlindPairSet({
  name: 'H',
  dir: 'test/fixtures/conflict-pairs-h',
  firstId: 901,
  earlierSets: [
    'test/fixtures/conflict-pairs/pairs.jsonl',
    'test/fixtures/conflict-pairs-b/pairs.jsonl',
    'test/fixtures/conflict-pairs-c/pairs.jsonl',
    'test/fixtures/conflict-pairs-d/pairs.jsonl',
    'test/fixtures/conflict-pairs-e/pairs.jsonl',
    'test/fixtures/conflict-pairs-f/pairs.jsonl',
    'test/fixtures/conflict-pairs-g/pairs.jsonl',
  ],
  storyGolds: [
    'test/fixtures/stories-gold/events.json',
    'test/fixtures/stories-gold-b/events.json',
    'test/fixtures/stories-gold-c/events.json',
    'test/fixtures/stories-gold-d/events.json',
    'test/fixtures/stories-gold-e/events.json',
    'test/fixtures/stories-gold-f/events.json',
    'test/fixtures/stories-gold-g/events.json',
  ],
  newOutlets: true,
  days: ['2027-01-01', '2027-01-31'],
  passage: 'an article paragraph',
  sentences: [2, 4],
  words: [35, 55],
  minWordsDigitsConflicts: 20,
  inWordsOneSideIn: 4,
  minCrowdedRates: 12,
});
