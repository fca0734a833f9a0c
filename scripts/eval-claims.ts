/**
 * Claims evaluation on the five seeds against test/fixtures/claims-gold/gold.json:
 * precision, recall and F1 for cue, speaker (overlap, exact), content (overlap, exact) and numeric
 * value, plus speaker anonymity and numeric attribution.
 *
 *   npm run eval:claims              # real text layer + real NER when its model is present
 *   npm run eval:claims -- --no-ner  # without entity mentions
 *   npm run eval:claims -- --verbose # list misses and false alarms
 *   npm run eval:claims -- --speed   # also time extractClaims alone on one core (tokens/s)
 *   npm run eval:claims -- --gold other/gold.json --texts other/texts
 *                                    # another gold file (same format, made with resolve-marks.ts)
 *
 * When the gold marks quantities that are not claims (durations, ages, model numbers … with a
 * `kind`, issue 20), it also prints how many of them the extractor wrongly outputs as numeric
 * claims, and how many it lists among `nonClaimQuantities` with the same kind.
 */
import './closed-pipe.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../src/paths.js';
import { analyseText } from '../src/nlp/text/index.js';
import { extractClaims } from '../src/nlp/claims/index.js';
import type { Claim } from '../src/schema/claims.js';
import type { EntityMention } from '../src/schema/entities.js';
import type { TextLayer } from '../src/schema/text.js';
import { isNonClaim, type GoldAttributed, type GoldFile, type GoldNumeric, type GoldSpan } from '../training/claims/resolve-marks.js';
import { existsSync } from 'node:fs';

// ---- entity mentions: the real NER when its trained model is present, else none ----

type Tagger = (layer: TextLayer, text: string) => EntityMention[];

async function loadTagger(): Promise<Tagger | null> {
  try {
    const nerModule = (await import('../src/models/ner.js')) as { loadNerModel: () => unknown; DEFAULT_WEIGHTS_FILE: string };
    if (!existsSync(projectPath(nerModule.DEFAULT_WEIGHTS_FILE))) {
      console.error(`NER model ${nerModule.DEFAULT_WEIGHTS_FILE} not present: evaluating without entity mentions`);
      return null;
    }
    const ner = (await import('../src/nlp/ner/index.js')) as Record<string, unknown>;
    const model = nerModule.loadNerModel();
    // Prefer a linking entry point when the NER stage provides one.
    const link = ner.tagEntities as ((layer: TextLayer, text: string, model: unknown) => EntityMention[]) | undefined;
    if (typeof link === 'function') return (layer, text) => link(layer, text, model);
    const tag = ner.tagMentions as (layer: TextLayer, text: string, model: unknown) => Array<Omit<EntityMention, 'entityId' | 'canonical'> & { words: string[] }>;
    return (layer, text) =>
      tag(layer, text, model).map((m) => ({
        text: m.text, start: m.start, end: m.end, type: m.type, confidence: m.confidence,
        canonical: m.text, entityId: `${m.type.toLowerCase()}:${m.words.join('_')}`,
      }));
  } catch (error) {
    console.error(`NER not available (${(error as Error).message}); evaluating without entity mentions`);
    return null;
  }
}

const useNerFlag = !process.argv.includes('--no-ner');
const tagger: Tagger | null = useNerFlag ? await loadTagger() : null;

function entityMentionsFor(layer: TextLayer, text: string): EntityMention[] {
  return tagger ? tagger(layer, text) : [];
}

const verbose = process.argv.includes('--verbose');
const useNer = tagger !== null;

const argValue = (flag: string): string | null => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
};
const goldPath = argValue('--gold') ?? projectPath('test/fixtures/claims-gold/gold.json');
const textsDir = argValue('--texts') ?? projectPath('seeds');
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;

interface Counts {
  tp: number;
  pred: number;
  gold: number;
}
const metric = (): Counts => ({ tp: 0, pred: 0, gold: 0 });
const M = {
  cue: metric(),
  speakerOverlap: metric(),
  speakerExact: metric(),
  contentOverlap: metric(),
  contentExact: metric(),
  numericValue: metric(),
  numericAttribution: metric(),
};
let anonymityRight = 0;
let anonymityTotal = 0;
/** Gold quantities that are not claims: how many, how many came out as numeric claims, how many got their kind. */
const nonClaims = { gold: 0, countedAsClaims: 0, keptWithKind: 0 };

type S = { start: number; end: number };
const overlaps = (a: S, b: S): boolean => a.start < b.end && b.start < a.end;
const same = (a: S, b: S): boolean => a.start === b.start && a.end === b.end;

/** Exact up to surrounding punctuation/quote marks (the span's words are what is compared). */
function trimmed(text: string, s: S): S {
  let { start, end } = s;
  const skip = /[\s"'“”«»„.,،:؛()]/u;
  while (start < end && skip.test(text[start] as string)) start++;
  while (end > start && skip.test(text[end - 1] as string)) end--;
  return { start, end };
}
const exact = (text: string, a: S, b: S): boolean => same(trimmed(text, a), trimmed(text, b));

function prf(c: Counts): string {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}   (tp ${c.tp}, pred ${c.pred}, gold ${c.gold})`;
}

const show = (text: string, s: S | null | undefined): string => (s ? `«${text.slice(s.start, s.end).replace(/\s+/gu, ' ').slice(0, 90)}»` : '—');

let totalTokens = 0;
/** Numeric claims of a dual noun alone: outside the guidelines, not scored (see `dualOnly`). */
let dualClaims = 0;
let totalMs = 0;
for (const [name, goldClaims] of Object.entries(gold)) {
  const text = readFileSync(join(textsDir, name), 'utf8');
  const layer: TextLayer = analyseText(text);
  const entities: EntityMention[] = useNer ? entityMentionsFor(layer, text) : [];
  const published = layer.metadata.published?.iso ?? null;
  const t0 = performance.now();
  const { claims, nonClaimQuantities } = extractClaims({ text, tokens: layer.tokens, sentences: layer.sentences, entities, publishedAt: published });
  totalMs += performance.now() - t0;
  totalTokens += layer.tokens.length;

  const predAttr = claims.filter((c) => c.kind === 'attributed');
  // The guidelines leave a number carried only by a dual noun («جنديان», «قتيلين») unannotated (see
  // test/fixtures/claims-gold/README.md): such a claim is neither a hit nor a false alarm, and is
  // counted apart. Its quantity is the noun alone (the text is the counted noun, the value 2).
  const dualOnly = (c: Claim): boolean => c.quantities.length === 1 && c.quantities[0]!.value === 2 && c.quantities[0]!.counted === c.quantities[0]!.text;
  const predNum = claims.filter((c) => c.kind === 'numeric' && !dualOnly(c));
  dualClaims += claims.filter((c) => c.kind === 'numeric' && dualOnly(c)).length;
  const goldAttr = goldClaims.filter((c): c is GoldAttributed => c.kind === 'attributed');
  const goldNum = goldClaims.filter((c): c is GoldNumeric => c.kind === 'numeric');
  const goldAttrIndex = new Map<GoldAttributed, number>(goldClaims.flatMap((c, i) => (c.kind === 'attributed' ? [[c, i] as [GoldAttributed, number]] : [])));

  // Align attributed claims by cue overlap (one-to-one, in order).
  const pairOf = new Map<GoldAttributed, Claim>();
  const predPaired = new Set<Claim>();
  for (const g of goldAttr) {
    const p = predAttr.find((c) => !predPaired.has(c) && c.cue && overlaps(c.cue, g.cue));
    if (p) {
      pairOf.set(g, p);
      predPaired.add(p);
    }
  }
  M.cue.tp += pairOf.size;
  M.cue.pred += predAttr.length;
  M.cue.gold += goldAttr.length;
  for (const key of ['speakerOverlap', 'speakerExact', 'contentOverlap', 'contentExact'] as const) M[key].gold += goldAttr.length;
  for (const p of predAttr) {
    if (p.speaker) {
      M.speakerOverlap.pred++;
      M.speakerExact.pred++;
    }
    if (p.content) {
      M.contentOverlap.pred++;
      M.contentExact.pred++;
    }
  }
  const problems: string[] = [];
  for (const g of goldAttr) {
    const p = pairOf.get(g);
    if (!p) {
      problems.push(`  MISS cue ${show(text, g.cue)}  speaker ${show(text, g.speaker)}`);
      continue;
    }
    const sp = p.speaker;
    const spOk = sp !== null && overlaps(sp, g.speaker as GoldSpan);
    if (spOk) M.speakerOverlap.tp++;
    if (sp && exact(text, sp, g.speaker)) M.speakerExact.tp++;
    if (sp) {
      anonymityTotal++;
      if (sp.anonymous === g.anonymous) anonymityRight++;
    }
    const ct = p.content;
    const ctOk = ct !== null && overlaps(ct, g.content);
    if (ctOk) M.contentOverlap.tp++;
    if (ct && exact(text, ct, g.content)) M.contentExact.tp++;
    if (verbose && (!sp || !exact(text, sp, g.speaker))) problems.push(`  speaker${spOk ? '~' : '✗'} cue ${show(text, g.cue)} gold ${show(text, g.speaker)} got ${show(text, sp)}`);
    if (verbose && (!ct || !exact(text, ct, g.content))) problems.push(`  content${ctOk ? '~' : '✗'} cue ${show(text, g.cue)} gold ${show(text, g.content)} got ${show(text, ct)}`);
  }
  for (const p of predAttr) if (!predPaired.has(p)) problems.push(`  FALSE cue ${show(text, p.cue)} speaker ${show(text, p.speaker)} content ${show(text, p.content)}`);

  // Numeric claims: value (and range end) equal and quantity spans overlapping.
  const used = new Set<Claim>();
  M.numericValue.pred += predNum.length;
  M.numericValue.gold += goldNum.length;
  for (const g of goldNum) {
    const p = predNum.find((c) => {
      if (used.has(c)) return false;
      const q = c.quantities[0];
      return q !== undefined && overlaps(q, g.quantity) && Math.abs(q.value - g.value) < 1e-3 && (q.valueMax ?? null) === g.valueMax;
    });
    if (!p) {
      problems.push(`  MISS number ${show(text, g.quantity)} = ${g.value}${g.valueMax ? `–${g.valueMax}` : ''}`);
      continue;
    }
    used.add(p);
    M.numericValue.tp++;
    // Attribution: the claim it belongs to must be the one paired with the gold owner (or none).
    M.numericAttribution.gold++;
    M.numericAttribution.pred++;
    const goldOwner = g.attributedTo === null ? null : goldClaims[g.attributedTo];
    const predOwner = p.attributedTo === null ? null : claims[p.attributedTo];
    const ok = goldOwner === null ? predOwner === null : predOwner !== null && pairOf.get(goldOwner as GoldAttributed) === predOwner;
    if (ok) M.numericAttribution.tp++;
    else problems.push(`  number ${show(text, g.quantity)} attributed to ${goldOwner ? show(text, (goldOwner as GoldAttributed).cue) : 'none'}, got ${predOwner ? show(text, predOwner.cue) : 'none'}`);
    void goldAttrIndex;
  }
  for (const p of predNum) if (!used.has(p)) problems.push(`  FALSE number ${show(text, p.quantities[0])} = ${p.quantities[0]?.value}`);
  // Quantities the gold says are not claims: none may come out as a numeric claim.
  for (const g of goldClaims.filter(isNonClaim)) {
    nonClaims.gold++;
    const counted = predNum.find((c) => c.quantities[0] !== undefined && overlaps(c.quantities[0], g.quantity));
    if (counted) {
      nonClaims.countedAsClaims++;
      problems.push(`  NOT A CLAIM (${g.kind}) ${show(text, g.quantity)} output as numeric ${show(text, counted.quantities[0])}`);
    }
    if (nonClaimQuantities.some((q) => q.kind === g.kind && overlaps(q, g.quantity))) nonClaims.keptWithKind++;
  }
  if (verbose && problems.length) console.log(`${name}\n${problems.join('\n')}`);
}

console.log(`claims on ${Object.keys(gold).length} texts of ${goldPath.includes('claims-gold') ? 'the seeds' : goldPath} (${useNer ? 'with' : 'without'} NER mentions)`);
console.log(`cue               ${prf(M.cue)}`);
console.log(`speaker overlap   ${prf(M.speakerOverlap)}`);
console.log(`speaker exact     ${prf(M.speakerExact)}`);
console.log(`content overlap   ${prf(M.contentOverlap)}`);
console.log(`content exact     ${prf(M.contentExact)}`);
console.log(`numeric value     ${prf(M.numericValue)}`);
console.log(`dual nouns        ${dualClaims} numeric claims of a dual noun alone (value 2; unannotated by the guidelines, not scored)`);
console.log(`numeric → claim   accuracy ${(M.numericAttribution.tp / Math.max(1, M.numericAttribution.gold)).toFixed(3)} (${M.numericAttribution.tp}/${M.numericAttribution.gold} matched numbers)`);
console.log(`speaker anonymous accuracy ${(anonymityRight / Math.max(1, anonymityTotal)).toFixed(3)} (${anonymityRight}/${anonymityTotal})`);
if (nonClaims.gold > 0) {
  console.log(`not claims        ${nonClaims.countedAsClaims} of ${nonClaims.gold} gold non-claims output as numeric claims; ${nonClaims.keptWithKind} listed with the gold's kind`);
}
console.log(`extractClaims: ${totalTokens} tokens in ${totalMs.toFixed(1)} ms (includes first-call warm-up)`);

if (process.argv.includes('--speed')) {
  // extractClaims alone (text layer and entities prepared beforehand), warm, 30 passes over the seeds.
  const prepared = Object.keys(gold).map((name) => {
    const text = readFileSync(join(textsDir, name), 'utf8');
    const layer = analyseText(text);
    return { text, layer, entities: useNer ? entityMentionsFor(layer, text) : [] };
  });
  const run = (): number => {
    let n = 0;
    for (const p of prepared) {
      extractClaims({ text: p.text, tokens: p.layer.tokens, sentences: p.layer.sentences, entities: p.entities, publishedAt: p.layer.metadata.published?.iso ?? null });
      n += p.layer.tokens.length;
    }
    return n;
  };
  for (let i = 0; i < 5; i++) run();
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < 6; i++) n += run();
    const cpu = process.cpuUsage(c0);
    rates.push(n / ((performance.now() - t0) / 1000));
    cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
  }
  rates.sort((a, b) => a - b);
  cpuRates.sort((a, b) => a - b);
  const f = (x: number | undefined): string => Math.round(x ?? 0).toLocaleString('en');
  // Wall-clock rates suffer when other processes share the cores; the CPU-time rate does not.
  console.log(`speed: median ${f(rates[2])} tokens/s wall clock (5 runs, min ${f(rates[0])}, max ${f(rates[4])}); median ${f(cpuRates[2])} tokens per CPU-second`);
}
