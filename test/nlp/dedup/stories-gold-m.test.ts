// Guards the BLIND story gold set M (test/fixtures/stories-gold-m/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { STORY_SET_MINIMUMS, guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'M',
  dir: 'test/fixtures/stories-gold-m',
  earlierSets: storySetsBefore('M'),
  // Briefs of two or three paragraphs (from about 40 words) beside reports of up to about 100 words.
  words: { min: 35, max: 400 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2027-06-01T00:00:00Z', until: '2027-06-29T00:00:00Z', minDays: 20, label: 'about four weeks of June 2027' },
  min: STORY_SET_MINIMUMS,
});
