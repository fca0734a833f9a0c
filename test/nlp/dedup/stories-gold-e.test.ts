// Guards the BLIND story gold set E (test/fixtures/stories-gold-e/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'E',
  dir: 'test/fixtures/stories-gold-e',
  earlierSets: storySetsBefore('E'),
  // Briefs of two or three paragraphs (from 35 words) beside reports of up to about 230 words.
  words: { min: 35, max: 520 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2026-10-01T00:00:00Z', until: '2026-10-25T00:00:00Z', minDays: 20, label: 'about three weeks of October 2026' },
  min: {
    articles: 150,
    outlets: 20,
    events: 40,
    singletons: 3,
    eventsOfThreeOutlets: 30,
    eventsOverHalfDay: 20,
    eventsOverDay: 8,
    distractorGroups: 15,
    alsoMentions: 15,
    copies: 15,
    reusers: 6,
    backgrounds: 12,
  },
});
