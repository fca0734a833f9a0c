// Guards the BLIND story gold set D (test/fixtures/stories-gold-d/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'D',
  dir: 'test/fixtures/stories-gold-d',
  earlierSets: storySetsBefore('D'),
  // Set D varies length on purpose (briefs of two or three paragraphs beside longer reports), so the
  // bounds are wider than set C's; see the README's limits for how short most articles came out.
  words: { min: 35, max: 520 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2026-09-01T00:00:00Z', until: '2026-09-25T00:00:00Z', minDays: 18, label: 'about three weeks of September 2026' },
  min: {
    articles: 150,
    outlets: 18,
    events: 35,
    singletons: 3,
    eventsOfThreeOutlets: 25,
    // Most follow-ups here come the next morning, under a day after the first report; five run a day or more.
    eventsOverHalfDay: 20,
    eventsOverDay: 5,
    distractorGroups: 12,
    alsoMentions: 10,
    copies: 10,
    reusers: 4,
    backgrounds: 8,
  },
});
