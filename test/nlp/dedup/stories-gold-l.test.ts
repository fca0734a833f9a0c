// Guards the BLIND story gold set L (test/fixtures/stories-gold-l/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { STORY_SET_MINIMUMS, guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'L',
  dir: 'test/fixtures/stories-gold-l',
  earlierSets: storySetsBefore('L'),
  // Briefs of two or three paragraphs (from about 40 words) beside reports of up to about 90 words.
  words: { min: 35, max: 400 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2027-05-01T00:00:00Z', until: '2027-05-28T00:00:00Z', minDays: 20, label: 'about four weeks of May 2027' },
  min: STORY_SET_MINIMUMS,
});
