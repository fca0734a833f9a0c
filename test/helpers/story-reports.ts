// Dated reports for the story-rule tests: texts through the real text layer, named entities given by
// hand (the tests are about story rules, not NER), as the dedup stage hands an article to the index.
import { analyseText } from '../../src/nlp/text/index.js';
import type { DedupInput } from '../../src/nlp/dedup/index-contract.js';

export type Mention = { name: string; type: 'ORG' | 'LOC' | 'PER' };

/** The NER mentions of `names` in `text`, at every place they occur (ids from the name, as the linker gives one id a name). */
export function mentionsIn(text: string, names: readonly Mention[]) {
  return names.flatMap(({ name, type }) =>
    [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ entityId: `${type.toLowerCase()}:${name}`, canonical: name, type, start: m.index, end: m.index + name.length })),
  );
}

/**
 * A maker of dated reports: each one `hoursAfter` the given start, with a fresh 16-hex-digit id
 * from `idPrefix` (14 digits) and a running number.
 */
export function reportMaker(idPrefix: string, start: Date): (title: string, text: string, hoursAfter: number, sourceName: string, names?: readonly Mention[]) => DedupInput {
  let next = 0;
  return (title, text, hoursAfter, sourceName, names = []) => {
    const layer = analyseText(text);
    next += 1;
    return {
      id: `${idPrefix}${String(next).padStart(2, '0')}`,
      text,
      tokens: layer.tokens,
      sentences: layer.sentences,
      entities: mentionsIn(text, names),
      title,
      titleTokens: analyseText(title).tokens,
      publishedAt: new Date(start.getTime() + hoursAfter * 3600 * 1000).toISOString(),
      sourceName,
    };
  };
}
