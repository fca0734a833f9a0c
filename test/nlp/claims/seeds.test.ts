// The acceptance points of issue 5 on the seeds, and the gold file's integrity.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../src/paths.js';
import { resolveMarks, type MarksFile } from '../../../training/claims/resolve-marks.js';
import { claimsOf } from './helpers.js';

const seed = (name: string): string => readFileSync(projectPath('seeds', name), 'utf8');

describe('gold file', () => {
  it('is what the marks resolve to, and every span slices its seed', () => {
    const marks = JSON.parse(readFileSync(projectPath('test/fixtures/claims-gold/marks.json'), 'utf8')) as MarksFile;
    const texts = Object.fromEntries(Object.keys(marks).map((n) => [n, seed(n)]));
    const gold = resolveMarks(marks, texts);
    expect(JSON.parse(readFileSync(projectPath('test/fixtures/claims-gold/gold.json'), 'utf8'))).toEqual(gold);
    for (const [name, claims] of Object.entries(gold)) {
      const text = texts[name] as string;
      for (const c of claims) {
        const spans = c.kind === 'attributed' ? [c.cue, c.speaker, c.content] : [c.quantity];
        for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });
});

describe('seed 000', () => {
  const text = seed('000_4b730099a6eb1bd4.txt');
  const { claims } = claimsOf(text);

  it("gives the officer's quotation its speaker", () => {
    const c = claims.find((x) => x.content?.text.startsWith('طائرة مسيرة استهدفت'));
    expect(c?.speaker?.text).toBe('ضابط في الجيش العراقي برتبة مقدم');
    expect(c?.quote).toBe('direct');
  });

  it("attributes «3 wounded by 14 rockets» to the coalition", () => {
    const coalition = claims.find((x) => x.cue?.text === 'وأعلن');
    expect(coalition?.speaker?.text).toContain('التحالف الدولي');
    expect(coalition?.quantities.map((q) => q.value)).toEqual([3, 14]);
    const index = claims.indexOf(coalition as (typeof claims)[number]);
    const numbers = claims.filter((x) => x.kind === 'numeric' && x.attributedTo === index).map((x) => x.quantities[0]?.value);
    expect(numbers).toEqual([3, 14]);
  });

  it('reads «نحو 3500 جندي أجنبي، من بينهم 2500 أميركي» and «49 هجوما»', () => {
    const q = claims.filter((x) => x.kind === 'numeric').map((x) => x.quantities[0]);
    expect(q.find((x) => x?.value === 3500)).toMatchObject({ approx: true, unit: 'جندي', counted: 'جندي أجنبي' });
    expect(q.find((x) => x?.text === '2500 أميركي')?.approx).toBe(false);
    expect(q.find((x) => x?.value === 49)?.unit).toBe('هجوم');
  });
});

describe('seed 003', () => {
  it('names كاظم الفرطوسي and سعد السعدي as the speakers of their statements', () => {
    const { claims } = claimsOf(seed('003_babe8bcfe08ac5d2.txt'));
    const escalation = claims.find((x) => x.content?.text.startsWith('التصعيد العسكري ضد القوات الأميركية'));
    expect(escalation?.speaker?.text).toBe('كاظم الفرطوسي');
    const attacks = claims.find((x) => x.content?.text.startsWith('على القوات الأميركية أن تنتظر'));
    expect(attacks?.speaker?.text).toBe('سعد السعدي');
  });
});
