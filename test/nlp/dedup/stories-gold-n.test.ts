// Guards the BLIND story gold set N (test/fixtures/stories-gold-n/, README beside it); the checks are
// in blind-story-set-guard.ts and only read the files, so the set stays blind until its one evaluation.
import { guardBlindStorySet } from './blind-story-set-guard.js';
import { storySetsBefore } from './blind-sets.js';

guardBlindStorySet({
  name: 'N',
  dir: 'test/fixtures/stories-gold-n',
  earlierSets: storySetsBefore('N'),
  // Briefs of two or three paragraphs (from 40 words) beside reports of up to about 100 words.
  words: { min: 35, max: 400 },
  paragraphs: { min: 2, max: 9 },
  window: { from: '2027-07-01T00:00:00Z', until: '2027-07-29T00:00:00Z', minDays: 20, label: 'about four weeks of July 2027' },
  min: {
    articles: 150,
    outlets: 20,
    events: 40,
    singletons: 5,
    eventsOfThreeOutlets: 32,
    eventsOverHalfDay: 20,
    eventsOverDay: 10,
    distractorGroups: 15,
    alsoMentions: 30,
    copies: 30,
    reusers: 7,
    backgrounds: 13,
  },
});
