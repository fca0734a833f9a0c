// Guards the BLIND story gold set N (test/fixtures/stories-gold-n/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { STORY_SET_MINIMUMS, guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'N',
  dir: 'test/fixtures/stories-gold-n',
  earlierSets: storySetsBefore('N'),
  // Briefs of two or three paragraphs (from 40 words) beside reports of up to about 100 words.
  words: { min: 35, max: 400 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2027-07-01T00:00:00Z', until: '2027-07-29T00:00:00Z', minDays: 20, label: 'about four weeks of July 2027' },
  min: STORY_SET_MINIMUMS,
});
