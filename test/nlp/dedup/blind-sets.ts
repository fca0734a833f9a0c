// The story golds and conflict-pair sets in the order they were written (A is the first, in folders
// without a letter). A new blind set's guard checks it against every set written before it: these
// lists, rather than a copy of the folder names in every guard.
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'] as const;
export type SetLetter = (typeof LETTERS)[number];

function folderSuffix(letter: SetLetter): string {
  return letter === 'A' ? '' : `-${letter.toLowerCase()}`;
}

function lettersBefore(letter: SetLetter): SetLetter[] {
  return LETTERS.slice(0, LETTERS.indexOf(letter));
}

/** The story golds written before set `letter`, as the story guard names them. */
export function storySetsBefore(letter: SetLetter): { name: string; dir: string }[] {
  return lettersBefore(letter).map((earlier) => ({ name: earlier, dir: `test/fixtures/stories-gold${folderSuffix(earlier)}` }));
}

/** The event lists of the story golds written before set `letter`. */
export function storyGoldEventsBefore(letter: SetLetter): string[] {
  return storySetsBefore(letter).map(({ dir }) => `${dir}/events.json`);
}

/** The conflict-pair files written before set `letter`. */
export function pairFilesBefore(letter: SetLetter): string[] {
  return lettersBefore(letter).map((earlier) => `test/fixtures/conflict-pairs${folderSuffix(earlier)}/pairs.jsonl`);
}
