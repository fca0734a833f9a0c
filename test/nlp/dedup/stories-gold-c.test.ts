// Guards the BLIND story gold set C (test/fixtures/stories-gold-c/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'C',
  dir: 'test/fixtures/stories-gold-c',
  earlierSets: storySetsBefore('C'),
  words: { min: 150, max: 400 },
  paragraphs: { min: 4, max: 9 },
  window: { from: '2026-11-02T00:00:00Z', until: '2026-11-26T00:00:00Z', minDays: 18, label: 'about three weeks of November 2026' },
  min: {
    articles: 150,
    outlets: 15,
    events: 35,
    singletons: 3,
    eventsOfThreeOutlets: 25,
    eventsOverDay: 12,
    distractorGroups: 12,
    alsoMentions: 10,
    copies: 10,
    reusers: 4,
    backgrounds: 8,
  },
});
