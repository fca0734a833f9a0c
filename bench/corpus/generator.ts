import { LEXICON_ROWS } from '../../src/nlp/text/data/lexicon-data.js';
import { Random } from '../lib/random.js';
import { NAME_POOLS, OUTLETS } from './names.js';
import { loadSeeds, type SeedDocument } from './seeds.js';

/** How an article of the generated corpus relates to earlier ones (what the dedup stage should find). */
export type GeneratedKind = 'original' | 'exact-copy' | 'near-copy' | 'reused-passage';

export interface GeneratedArticle {
  /** 16 hex digits, as khabar article ids. */
  id: string;
  /** 0-based position in the corpus. */
  index: number;
  title: string;
  text: string;
  source: string;
  publishedAt: string;
  kind: GeneratedKind;
  /** The story (0-based) it belongs to; copies share their original's story. */
  story: number;
  /** The earlier article it copies or borrows a passage from. */
  copyOf: number | null;
}

export interface GeneratorOptions {
  seed: number;
  /** Shares of the corpus (0..1) that are exact copies, near copies, and originals with a reused passage. */
  exactShare: number;
  nearShare: number;
  reusedShare: number;
  /** Share of a story's content-word types replaced by other seed words (makes stories distinct). */
  wordSwap: number;
}

export const DEFAULT_GENERATOR: GeneratorOptions = { seed: 9, exactShare: 0.05, nearShare: 0.15, reusedShare: 0.1, wordSwap: 0.6 };

/** Words too common to swap: keeping them keeps the text's grammar recognisably Arabic. */
const KEEP = new Set(['في', 'من', 'على', 'إلى', 'أن', 'إن', 'التي', 'الذي', 'مع', 'بين', 'عن', 'بعد', 'قبل', 'ضد', 'ما', 'لا', 'لم', 'هذا', 'هذه', 'تلك', 'حيث', 'خلال', 'منذ', 'وقال', 'قال', 'قالت', 'كان', 'كانت', 'أو', 'ثم', 'وفق', 'بحسب', 'أنه', 'إنه', 'وهو', 'وهي', 'لكن', 'غير', 'فيما', 'حتى', 'قد', 'أي']);

/** Arabic letter runs, digit runs (ASCII and Arabic-Indic), and everything else. */
const PIECE = /[\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0640]+|[0-9\u0660-\u0669]+|[^\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0640\u0660-\u06690-9]+/gu;
const ARABIC_WORD = /^[\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0640]+$/u;
const DIGITS = /^[0-9\u0660-\u0669]+$/u;

/** A story's own vocabulary: names, content words and numbers swapped consistently in all its sentences. */
class StoryLexicon {
  private readonly words = new Map<string, string>();

  constructor(
    private readonly rng: Random,
    private readonly vocabulary: readonly string[],
    private readonly wordSwap: number,
  ) {}

  rewrite(sentence: string): string {
    return sentence.replace(PIECE, (piece) => {
      if (DIGITS.test(piece)) return this.number(piece);
      if (!ARABIC_WORD.test(piece)) return piece;
      return this.word(piece);
    });
  }

  private word(word: string): string {
    const known = this.words.get(word);
    if (known !== undefined) return known;
    const pool = NAME_POOLS[word];
    let out = word;
    if (pool) out = this.rng.pick(pool);
    else if (word.length >= 4 && !KEEP.has(word) && this.rng.chance(this.wordSwap)) out = this.rng.pick(this.vocabulary);
    this.words.set(word, out);
    return out;
  }

  /** Same number of digits, other value (years stay plausible: 19xx/20xx kept as they are). */
  private number(digits: string): string {
    if (/^(19|20)\d\d$/.test(digits)) return digits;
    const known = this.words.get(digits);
    if (known !== undefined) return known;
    let out = '';
    for (let i = 0; i < digits.length; i++) out += String(i === 0 && digits.length > 1 ? this.rng.int(1, 9) : this.rng.int(0, 9));
    this.words.set(digits, out);
    return out;
  }
}

/**
 * Words to swap in: the seeds' own content words plus the text layer's lexicon (tens of thousands
 * of news word forms seen at least `minCount` times), so that unrelated generated stories share
 * about as few content words as unrelated real articles do (one seed vocabulary alone made every
 * story look like one topic to the dedup index).
 */
function vocabularyOf(seeds: readonly SeedDocument[], minCount = 3): string[] {
  const words = new Set<string>();
  for (const row of LEXICON_ROWS.split('\n')) {
    const [form = '', alone = '0', attached = '0'] = row.split('\t');
    if (form.length >= 4 && Number(alone) + Number(attached) >= minCount && ARABIC_WORD.test(form)) words.add(form);
  }
  for (const seed of seeds) {
    for (const paragraph of seed.paragraphs) {
      for (const sentence of paragraph) {
        for (const piece of sentence.match(PIECE) ?? []) {
          if (ARABIC_WORD.test(piece) && piece.length >= 4 && !KEEP.has(piece) && !NAME_POOLS[piece]) words.add(piece);
        }
      }
    }
  }
  return [...words].sort();
}

interface Draft {
  title: string;
  paragraphs: string[];
}

function render(draft: Draft): string {
  return `${draft.title}\n\n${draft.paragraphs.join('\n\n')}\n`;
}

/**
 * A deterministic stream of realistic Arabic news articles made from the seeds: each new story
 * takes most sentences of one seed (and sometimes a paragraph of another), reorders sentences and
 * paragraphs, and swaps names, numbers and half of its content words, so unrelated stories share
 * little text. A chosen share of the stream are exact copies, near copies (a sentence dropped,
 * words and a number changed, paragraphs moved) and originals that reuse a passage of an earlier
 * article: the dedup stage gets real work. Only recent articles are kept, so memory stays flat
 * for any count (copies come from the last few hundred articles, as in a news day).
 */
export function* generateArticles(count: number, options: Partial<GeneratorOptions> = {}, seeds: readonly SeedDocument[] = loadSeeds()): Generator<GeneratedArticle> {
  const settings = { ...DEFAULT_GENERATOR, ...options };
  if (seeds.length === 0) throw new Error('the generator needs at least one seed article');
  const rng = new Random(settings.seed);
  const vocabulary = vocabularyOf(seeds);
  const recent: { index: number; story: number; draft: Draft }[] = [];
  const start = Date.UTC(2021, 6, 1, 6, 0, 0);
  let stories = 0;

  const newStory = (): Draft => {
    const lexicon = new StoryLexicon(rng, vocabulary, settings.wordSwap);
    const main = rng.pick(seeds);
    const paragraphs: string[][] = main.paragraphs.map((sentences) => {
      const kept = sentences.filter(() => rng.chance(0.85));
      const chosen = kept.length > 0 ? kept : sentences.slice(0, 1);
      return rng.chance(0.3) ? rng.shuffled(chosen) : chosen;
    });
    if (seeds.length > 1 && rng.chance(0.4)) {
      const other = rng.pick(seeds);
      const borrowed = other.paragraphs.length > 0 ? rng.pick(other.paragraphs) : [];
      paragraphs.splice(rng.int(1, Math.max(1, paragraphs.length)), 0, borrowed);
    }
    // The lead stays first; the rest may move, as editors rearrange wire copy.
    const [lead = [], ...body] = paragraphs;
    const ordered = rng.chance(0.5) ? [lead, ...rng.shuffled(body)] : [lead, ...body];
    return {
      title: lexicon.rewrite(main.title),
      paragraphs: ordered.filter((p) => p.length > 0).map((sentences) => sentences.map((s) => lexicon.rewrite(s)).join(' ')),
    };
  };

  const nearCopy = (draft: Draft): Draft => {
    const paragraphs = draft.paragraphs.map((p) => p);
    const at = rng.int(0, paragraphs.length - 1);
    const sentences = (paragraphs[at] ?? '').split(/(?<=[.!؟])\s+/u);
    if (sentences.length > 1) sentences.splice(rng.int(0, sentences.length - 1), 1);
    paragraphs[at] = sentences.join(' ');
    // A few words changed in one paragraph (a sub-editor's touch), a number corrected.
    const edited = rng.int(0, paragraphs.length - 1);
    paragraphs[edited] = (paragraphs[edited] ?? '').replace(PIECE, (piece) => {
      if (DIGITS.test(piece) && rng.chance(0.5)) return String(Number(piece.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))) + 1);
      if (ARABIC_WORD.test(piece) && piece.length >= 4 && rng.chance(0.05)) return rng.pick(vocabulary);
      return piece;
    });
    if (paragraphs.length > 2 && rng.chance(0.5)) {
      const [moved] = paragraphs.splice(1, 1);
      if (moved !== undefined) paragraphs.push(moved);
    }
    return { title: rng.chance(0.5) ? draft.title : `${draft.title} (محدث)`, paragraphs };
  };

  for (let index = 0; index < count; index++) {
    const roll = rng.next();
    const hasEarlier = recent.length > 0;
    let kind: GeneratedKind = 'original';
    if (hasEarlier && roll < settings.exactShare) kind = 'exact-copy';
    else if (hasEarlier && roll < settings.exactShare + settings.nearShare) kind = 'near-copy';
    else if (hasEarlier && roll < settings.exactShare + settings.nearShare + settings.reusedShare) kind = 'reused-passage';

    let draft: Draft;
    let story: number;
    let copyOf: number | null = null;
    if (kind === 'exact-copy' || kind === 'near-copy') {
      const earlier = rng.pick(recent);
      copyOf = earlier.index;
      story = earlier.story;
      draft = kind === 'exact-copy' ? earlier.draft : nearCopy(earlier.draft);
    } else {
      draft = newStory();
      story = stories++;
      if (kind === 'reused-passage') {
        const earlier = rng.pick(recent);
        copyOf = earlier.index;
        const passage = rng.pick(earlier.draft.paragraphs);
        draft.paragraphs.splice(rng.int(1, draft.paragraphs.length), 0, passage);
      }
    }
    recent.push({ index, story, draft });
    if (recent.length > 400) recent.shift();
    yield {
      id: rng.hex16(),
      index,
      title: draft.title,
      text: render(draft),
      source: rng.pick(OUTLETS),
      publishedAt: new Date(start + index * 90_000).toISOString(),
      kind,
      story,
      copyOf,
    };
  }
}

/** The first `count` articles of the stream, as an array. */
export function generatedCorpus(count: number, options: Partial<GeneratorOptions> = {}): GeneratedArticle[] {
  return [...generateArticles(count, options)];
}
