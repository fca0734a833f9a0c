import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';
import { DRIVERS, TEACHERS, TEACHERS_FOLLOW_UP, report } from './strikes.js';
import { contentTokens } from '../../../src/nlp/dedup/shingles.js';
import { eventSimilarity, eventSketch, shareHeadlineFeature } from '../../../src/nlp/dedup/event.js';
import { similarityNeeded } from '../../../src/nlp/dedup/event-match.js';
import { dedupOptions } from '../../../src/nlp/dedup/params.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';

function sketchOf(input: DedupInput) {
  const layer = analyseText(input.text);
  const content = contentTokens(layer.tokens).map((token) => ({ ...token, sentence: layer.tokens[token.tokenIndex]!.sentence }));
  return eventSketch(content, contentTokens(input.titleTokens ?? []), [], 0);
}

describe('time closeness in event stories', () => {
  const options = dedupOptions();

  it('asks more similarity of two reports the further apart they were published', () => {
    const needed = { threshold: options.eventThreshold, timeScaleHours: options.eventTimeScaleHours };
    expect(similarityNeeded(0, needed)).toBe(options.eventThreshold);
    expect(similarityNeeded(options.eventTimeScaleHours * 3600, needed)).toBeCloseTo(2 * options.eventThreshold);
    // Which of the two came first does not matter; an unknown date asks the threshold alone.
    expect(similarityNeeded(-24 * 3600, needed)).toBe(similarityNeeded(24 * 3600, needed));
    expect(similarityNeeded(null, needed)).toBe(options.eventThreshold);
  });

  it('joins a report of another strike in the same city on the same day, not five days later; the follow-up of the first strike joins it days later', async () => {
    // The two strikes share the city, «إضراب», «نقابة» and the title word: as much as one topic, not one event.
    const teachers = sketchOf(report(TEACHERS, 0, 'a'));
    const drivers = sketchOf(report(DRIVERS, 0, 'b'));
    const sharedTopic = eventSimilarity(teachers, drivers);
    expect(shareHeadlineFeature(teachers, drivers)).toBe(true);
    expect(sharedTopic).toBeGreaterThanOrEqual(options.eventThreshold);
    expect(sharedTopic).toBeLessThan(options.eventThreshold * (1 + 120 / options.eventTimeScaleHours));

    const sameDay = inMemoryDedupIndex();
    const first = await sameDay.process(report(TEACHERS, 0, 'outlet-a'));
    const close = await sameDay.process(report(DRIVERS, 2, 'outlet-b'));
    expect(close.story.storyId).toBe(first.story.storyId);

    const apart = inMemoryDedupIndex();
    const strike = await apart.process(report(TEACHERS, 0, 'outlet-a'));
    const followUp = await apart.process(report(TEACHERS_FOLLOW_UP, 50, 'outlet-c'));
    const later = await apart.process(report(DRIVERS, 120, 'outlet-b'));
    expect(followUp.story.storyId).toBe(strike.story.storyId);
    expect(followUp.layer.storyReason).toBe('similar-content');
    expect(later.story.storyId).not.toBe(strike.story.storyId);
    expect(later.story.articles).toHaveLength(1);
  });
});
