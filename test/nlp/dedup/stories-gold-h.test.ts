// Guards the BLIND story gold set H (test/fixtures/stories-gold-h/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { STORY_SET_MINIMUMS, guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'H',
  dir: 'test/fixtures/stories-gold-h',
  earlierSets: storySetsBefore('H'),
  // Briefs of two to four paragraphs (from 35 words) beside reports of up to about 120 words.
  words: { min: 35, max: 400 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2027-01-04T00:00:00Z', until: '2027-01-29T00:00:00Z', minDays: 20, label: 'about three weeks of January 2027' },
  min: STORY_SET_MINIMUMS,
});
