// Guards the BLIND story gold set F (test/fixtures/stories-gold-f/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'F',
  dir: 'test/fixtures/stories-gold-f',
  earlierSets: storySetsBefore('F'),
  // Briefs of two or three paragraphs (from 40 words) beside reports and features of up to about 170 words.
  words: { min: 35, max: 520 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2026-11-01T00:00:00Z', until: '2026-11-25T00:00:00Z', minDays: 20, label: 'about three weeks of November 2026' },
  min: {
    articles: 150,
    outlets: 20,
    events: 40,
    singletons: 4,
    eventsOfThreeOutlets: 32,
    eventsOverHalfDay: 20,
    eventsOverDay: 12,
    distractorGroups: 15,
    alsoMentions: 16,
    copies: 25,
    reusers: 7,
    backgrounds: 14,
  },
});
