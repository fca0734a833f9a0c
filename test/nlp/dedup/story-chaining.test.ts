import { describe, expect, it } from 'vitest';
import { TEACHERS, report } from './strikes.js';
import { inMemoryDedupIndex } from '../../helpers/dedup-index.js';
import { eventSimilarity, rarityOf, type EventSketch } from '../../../src/nlp/dedup/event.js';

// Written for this test: a fire in a market of another city the same morning, and a roundup of the
// morning's news that sums up both; it reads like each. The city, market and union are invented.
// The roundup's first sentence names no town after «مدينة» (event-town.ts would then keep it from the fire's story).
const FIRE = {
  title: 'حريق يلتهم سوق النخيل في مدينة الرمان',
  text: 'التهم حريق ضخم عشرات المحال في سوق النخيل الشعبي بمدينة الرمان فجر الأحد، وهرعت فرق الدفاع المدني إلى المكان وسيطرت على النيران بعد ساعات.\n\nوقال مدير الدفاع المدني إن الحريق لم يوقع إصابات وإن التحقيق جار لمعرفة أسبابه، فيما قدر التجار خسائرهم بالملايين.',
};
const ROUNDUP = {
  title: 'إضراب المعلمين في الزهراء وحريق سوق النخيل في الرمان',
  text: 'أغلقت المدارس في الزهراء أبوابها صباح الأحد مع بدء إضراب المعلمين الذي دعت إليه نقابة التعليم احتجاجا على تأخر صرف الرواتب.\n\nوفي مدينة الرمان التهم حريق ضخم عشرات المحال في سوق النخيل الشعبي وسيطرت فرق الدفاع المدني على النيران بعد ساعات.',
};

describe('similar content does not chain stories', () => {
  it('joins an article that reads like two stories to one of them, not both into one', async () => {
    const index = inMemoryDedupIndex();
    const teachers = await index.process(report(TEACHERS, 0, 'outlet-a'));
    const drivers = await index.process(report(FIRE, 1, 'outlet-b'));
    expect(drivers.story.storyId).not.toBe(teachers.story.storyId);
    const roundup = await index.process(report(ROUNDUP, 2, 'outlet-c'));
    // The roundup is found similar to each (both links are in the index), and joins one story.
    const similar = (await index.dumpState()).links.filter((line) => line.startsWith('similar-content '));
    expect(similar, similar.join('\n')).toHaveLength(2);
    const stories = new Set([(await index.storyStatus(teachers.story.storyId))?.storyId, (await index.storyStatus(drivers.story.storyId))?.storyId]);
    expect(stories.size).toBe(2);
    expect([...stories]).toContain(roundup.story.storyId);
  });
});

describe('rarity', () => {
  it('weighs a feature the window\'s reports share less, so the day\'s common words make no event', () => {
    expect(rarityOf(0, 32)).toBe(1);
    expect(rarityOf(32, 32)).toBe(0.5);
    expect(rarityOf(40, 0)).toBe(1);
    // Two reports sharing only a title word forty others carry, and one name each.
    const a: EventSketch = { features: new Map([[1, 6], [2, 8]]) };
    const b: EventSketch = { features: new Map([[1, 6], [3, 8]]) };
    const plain = eventSimilarity(a, b);
    const weighted = eventSimilarity(a, b, new Map([[1, rarityOf(40, 32)]]));
    expect(plain).toBeCloseTo(6 / 22);
    const r = rarityOf(40, 32);
    expect(weighted).toBeCloseTo((6 * r) / (6 * r + 16));
    expect(weighted).toBeLessThan(plain * 0.6);
  });
});
