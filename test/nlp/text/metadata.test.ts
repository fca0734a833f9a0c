import { describe, expect, it } from 'vitest';
import { analyseText } from '../../../src/nlp/text/index.js';
import { seed } from './helpers.js';

describe('metadata from the text', () => {
  it('003 is from Reuters, published 2021-07-13 23:41', () => {
    const m = analyseText(seed('003')).metadata;
    expect(m.agency?.name).toBe('رويترز');
    expect(m.published?.iso).toBe('2021-07-13T23:41:00Z');
    expect(m.published?.text).toBe('الثلاثاء 13 يوليو 2021 23:41');
    expect(m.title?.text).toBe('إيران دعت الفصائل العراقية إلى تصعيد هجماتها ضد القوات الأميركية');
    expect(m.subtitles.map((s) => s.text)).toEqual(['نقل رئيس استخبارات الحرس الثوري إلى حلفاء طهران في بغداد رسالة الزعيم الأعلى علي خامئني']);
  });
  it('000, 002 and 004 have the dateline بغداد (with a dash, or alone on its line)', () => {
    for (const name of ['000', '002', '004']) {
      const text = seed(name);
      const d = analyseText(text).metadata.dateline;
      expect(d?.text, name).toBe('بغداد');
      expect(d && text.slice(d.start, d.end)).toBe('بغداد');
    }
  });
  it('001: the title and the dateline come out of a single line', () => {
    const m = analyseText(seed('001')).metadata;
    expect(m.title?.text).toBe('أذرع إيران تكثف ضغوطها لإخراج القوات الأميركية من العراق');
    expect(m.dateline?.text).toBe('بغداد');
    expect(m.agency).toBeNull(); // «لوكالة الأناضول» in the body is a source, not the article's agency
  });
  it('000: title and three subtitles', () => {
    const m = analyseText(seed('000')).metadata;
    expect(m.title?.text).toBe('تعثر مفاوضات فيينا يرتد تصعيدا بين واشنطن وميليشيات إيران');
    expect(m.subtitles).toHaveLength(3);
  });
  it('reads Levantine month names, Arabic-Indic digits and agency credits', () => {
    const text = 'عنوان الخبر\nدمشق (أ ف ب) - ١٣ تموز ٢٠٢١ ١٠:٠٥ أعلنت الحكومة أمس أن …';
    const m = analyseText(text).metadata;
    expect(m.dateline?.text).toBe('دمشق');
    expect(m.agency?.name).toBe('فرانس برس');
    expect(m.published?.iso).toBe('2021-07-13T10:05:00Z');
    const t2 = 'عنوان\nالقاهرة – الأحد 3 كانون الثاني 2021\nنص طويل';
    expect(analyseText(t2).metadata.published?.iso).toBe('2021-01-03');
  });
  it('finds nothing in an empty or header-less text', () => {
    expect(analyseText('').metadata).toEqual({ title: null, subtitles: [], dateline: null, agency: null, published: null });
  });
});
