import { decodeClaimLink, decodePairLink } from './links.js';
import type { DedupStore, StorySnapshot } from './index-store.js';
import type { DedupState } from './index-contract.js';

/**
 * Every link and story of the index, as sorted strings: what two runs over the same articles must
 * agree on whatever order they came in. Reads the whole index (tests and evaluation only).
 */
export async function dumpIndexState(store: DedupStore): Promise<DedupState> {
  const count = await store.count();
  const all = Array.from({ length: count }, (_, i) => i);
  const metas = await store.readMeta(all);
  const idOf = (num: number) => metas.get(num)!.id;
  const roots = new Map<number, StorySnapshot>();
  const links = new Set<string>();
  for (const num of all) {
    const snapshot = await store.storyOf(num);
    if (roots.has(snapshot.root)) continue;
    roots.set(snapshot.root, snapshot);
    for (const [field, value] of snapshot.fields) {
      const line = linkLine(field, value, idOf);
      if (line !== null) links.add(line);
    }
  }
  const stories = [...roots.values()]
    .map((snapshot) => ({ storyId: idOf(snapshot.root), members: snapshot.members.map(idOf).sort() }))
    .sort((x, y) => x.storyId.localeCompare(y.storyId));
  return { links: [...links].sort(), stories };
}

/** One link field as a line that names both sides by id, in sorted order (null for a field that is no link). */
function linkLine(field: string, value: string, idOf: (num: number) => string): string | null {
  const pair = decodePairLink(field, value);
  if (pair) {
    const [a, b] = [idOf(pair.a), idOf(pair.b)].sort();
    const passages = pair.passages.length > 0 ? ` passages=${pair.passages.length}` : '';
    return `${pair.kind} ${a} ${b} ${pair.similarity.toFixed(4)}${passages}`;
  }
  const claim = decodeClaimLink(field, value);
  if (!claim) return null;
  const sides = [`${idOf(claim.a)}#${claim.aClaim}`, `${idOf(claim.b)}#${claim.bClaim}`].sort();
  return `claim-${claim.relation} ${sides.join(' ')} ${claim.counted ?? ''}`.trim();
}
