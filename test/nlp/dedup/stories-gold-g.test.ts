// Guards the BLIND story gold set G (test/fixtures/stories-gold-g/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'G',
  dir: 'test/fixtures/stories-gold-g',
  earlierSets: storySetsBefore('G'),
  // Briefs of two or three paragraphs (from 35 words) beside features of up to about 300 words.
  words: { min: 35, max: 520 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2026-12-01T00:00:00Z', until: '2026-12-25T00:00:00Z', minDays: 20, label: 'about three weeks of December 2026' },
  min: {
    articles: 170,
    outlets: 22,
    events: 44,
    singletons: 4,
    eventsOfThreeOutlets: 34,
    eventsOverHalfDay: 25,
    eventsOverDay: 12,
    distractorGroups: 18,
    alsoMentions: 18,
    copies: 18,
    reusers: 8,
    backgrounds: 15,
  },
});
