// Guards the BLIND story gold set J (test/fixtures/stories-gold-j/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { STORY_SET_MINIMUMS, guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'J',
  dir: 'test/fixtures/stories-gold-j',
  earlierSets: storySetsBefore('J'),
  // Briefs of two to four paragraphs (from 35 words) beside reports of up to about 90 words.
  words: { min: 35, max: 400 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2027-03-01T00:00:00Z', until: '2027-03-27T00:00:00Z', minDays: 20, label: 'about three weeks of March 2027' },
  min: STORY_SET_MINIMUMS,
});
