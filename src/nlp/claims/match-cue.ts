// Recognise a cue at a word: a reporting verb form (any reading of the word after peeling clitics),
// or the head of an attribution phrase.
import { CUE_FORMS, PHRASE_HEADS, type CueForm } from './lexicon/cues.js';
import { mixedScriptPattern, readings, VERB_PROCLITICS, type Word } from './words.js';

export interface VerbMatch extends CueForm {
  /** The verb carries a future «س» (a statement not yet made: not a cue). */
  future: boolean;
  /** The verb carries a conjunction «و/ف» (it opens its clause). */
  conjoined: boolean;
  /** The verb carries an object pronoun («يعتبره», «أعلنته»). */
  object: boolean;
}

// Mixed-script words are rare but unbounded in a long-lived worker (every new Latin-in-Arabic
// spelling adds one), so this cache is emptied at the same limit as the others below.
const mixedCache = new Map<string, CueForm | null>();
const MIXED_CACHE_LIMIT = 20_000;

function matchMixed(w: Word): CueForm | null {
  const re = mixedScriptPattern(w);
  if (!re) return null;
  const cached = mixedCache.get(w.norm);
  if (cached !== undefined) return cached;
  let found: CueForm | null = null;
  const bare = /^[وف]/u.test(w.norm) ? new RegExp(`^${re.source.slice(2)}`, 'u') : null;
  for (const [form, cue] of CUE_FORMS) {
    if (form.length < 3) continue;
    if (re.test(form) || (bare && bare.test(form))) {
      found = cue;
      break;
    }
  }
  if (mixedCache.size >= MIXED_CACHE_LIMIT) mixedCache.clear();
  mixedCache.set(w.norm, found);
  return found;
}

// Words repeat: remember the answer per normalised form (a verb reading depends on the form only).
const verbCache = new Map<string, VerbMatch | null>();
const phraseCache = new Map<string, string | null>();
const CACHE_LIMIT = 20_000;

export function matchVerb(w: Word): VerbMatch | null {
  if (w.token.kind !== 'word' && w.token.kind !== 'latin') return null;
  if (w.token.flags?.includes('mixed-script')) return matchVerbUncached(w);
  const cached = verbCache.get(w.norm);
  if (cached !== undefined) return cached;
  const found = matchVerbUncached(w);
  if (verbCache.size >= CACHE_LIMIT) verbCache.clear();
  verbCache.set(w.norm, found);
  return found;
}

function matchVerbUncached(w: Word): VerbMatch | null {
  const n = w.norm;
  for (const r of readings(w, VERB_PROCLITICS)) {
    const cue = CUE_FORMS.get(r);
    if (!cue) continue;
    const at = n.indexOf(r);
    const prefix = at >= 0 ? n.slice(0, at) : '';
    const suffix = at >= 0 ? n.slice(at + r.length) : '';
    return {
      ...cue,
      future: /س$/u.test(prefix),
      conjoined: /^[وف]/u.test(prefix),
      object: suffix.length > 0,
    };
  }
  const mixed = matchMixed(w);
  if (mixed) return { ...mixed, future: false, conjoined: /^[وف]/u.test(n), object: false };
  return null;
}

/** The head of an attribution phrase («بحسب», «وفق», «وفقا», «حسبما», «نقلا»). */
export function matchPhraseHead(w: Word): string | null {
  if (w.token.kind !== 'word') return null;
  const key = `${w.norm}|${w.stem}`;
  const cached = phraseCache.get(key);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (const r of readings(w)) {
    if (PHRASE_HEADS.has(r)) {
      found = r;
      break;
    }
  }
  if (phraseCache.size >= CACHE_LIMIT) phraseCache.clear();
  phraseCache.set(key, found);
  return found;
}
