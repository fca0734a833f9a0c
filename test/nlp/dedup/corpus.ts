import { createHash } from 'node:crypto';
import type { DedupInput } from '../../../src/nlp/dedup/index-contract.js';
import { loadSeeds, seedInput, type Seed } from './seeds.js';

function idOf(label: string): string {
  return createHash('sha256').update(label).digest('hex').slice(0, 16);
}

function paragraphs(text: string): string[] {
  return text.split(/\n+/u).filter((line) => line.trim().length > 0);
}

/** Adds a diacritic to every tenth word: the same text to the content hash, different bytes. */
function reTyped(text: string): string {
  let count = 0;
  return text.replace(/([\u0621-\u064a]{3,})/gu, (word) => (++count % 10 === 0 ? `${word}\u064e` : word));
}

/**
 * A small corpus with every kind of link, built from the seeds: each seed, an exact copy of it
 * (re-typed with diacritics, from another source), a near duplicate (one paragraph dropped), and an
 * article that reprints two paragraphs of the next seed inside the text of the one after.
 */
export function dedupCorpus(): DedupInput[] {
  const seeds = loadSeeds();
  const inputs: DedupInput[] = [];
  const make = (seed: Seed, label: string, text: string, day: number, source: string): DedupInput => ({
    ...seedInput({ ...seed, id: idOf(label), text }),
    publishedAt: `2021-07-${String(10 + day).padStart(2, '0')}T08:00:00.000Z`,
    sourceName: source,
  });
  seeds.forEach((seed, i) => {
    const parts = paragraphs(seed.text);
    inputs.push({ ...seedInput(seed), publishedAt: `2021-07-${10 + i}T06:00:00.000Z`, sourceName: `outlet-${i}` });
    inputs.push(make(seed, `copy-${i}`, reTyped(seed.text), i, `copier-${i}`));
    inputs.push(make(seed, `near-${i}`, parts.filter((_, p) => p !== Math.floor(parts.length / 2)).join('\n\n'), i, `rewriter-${i}`));
    const donor = paragraphs(seeds[(i + 1) % seeds.length]!.text);
    const host = paragraphs(seeds[(i + 2) % seeds.length]!.text);
    const middle = Math.floor(donor.length / 2);
    const mixed = [...host.slice(0, 3), ...donor.slice(middle, middle + 2), ...host.slice(3, 6)];
    inputs.push(make(seed, `mix-${i}`, mixed.join('\n\n'), i, `aggregator-${i}`));
  });
  return inputs;
}

/** A deterministic shuffle (mulberry32), so a failing order can be replayed from its seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
