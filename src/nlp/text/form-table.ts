// A bounded cache from word form to what the text layer computed for it, looked up once per token.
// A Map<string, …> of 100k forms costs several cache misses per lookup (bucket, entry, key header,
// chain) once the token objects being built have pushed it out of the CPU caches; this open-
// addressing table keeps a 32-bit hash per slot in one typed array, so a probe reads the key only
// when the hashes agree, and the key and its value sit side by side in one array.
const MAX_SLOTS = 1 << 18;
/**
 * Slots per form the table may hold: at most a quarter of the slots are ever used, so a probe
 * rarely goes past its first slot. Sized from `maxEntries`, not the most it could hold: the text
 * layer's 30,000 forms take 2.5 MB of slots instead of 5 in every worker process (issue 21).
 */
const SLOTS_PER_ENTRY = 4;

function slotCountFor(maxEntries: number): number {
  let slots = 16;
  while (slots < SLOTS_PER_ENTRY * maxEntries && slots < MAX_SLOTS) slots *= 2;
  return slots;
}

export class FormTable<V> {
  /** Hash of the key in each slot, with the low bit set so that 0 means an empty slot. */
  private readonly hashes: Int32Array;
  /** Key and value of each slot: `[key0, value0, key1, value1, …]`. */
  private readonly entries: (string | V | undefined)[];
  private readonly mask: number;
  private count = 0;

  /** At most this many forms are kept (at most half the slots): past it, the table starts afresh. */
  constructor(private readonly maxEntries = MAX_SLOTS >> 1) {
    if (maxEntries > MAX_SLOTS >> 1) throw new RangeError(`FormTable holds at most ${MAX_SLOTS >> 1} forms`);
    const slots = slotCountFor(maxEntries);
    this.mask = slots - 1;
    this.hashes = new Int32Array(slots);
    this.entries = new Array<string | V | undefined>(2 * slots).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** Slots the table holds (its memory: a hash, a key and a value each). */
  get slotCount(): number {
    return this.hashes.length;
  }

  private static hash(key: string): number {
    // FNV-1a over the UTF-16 code units.
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return h | 1;
  }

  get(key: string): V | undefined {
    const h = FormTable.hash(key);
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const stored = this.hashes[p];
      if (stored === 0) return undefined;
      if (stored === h && this.entries[2 * p] === key) return this.entries[2 * p + 1] as V;
    }
  }

  /**
   * The stored key equal to `text.slice(start, end)`, without making that string: a token whose form
   * is cached shares the cached string instead of a new copy (fewer allocations, less to collect).
   * Its value is then `lastFound`; both are undefined when the form is not stored.
   */
  getRange(text: string, start: number, end: number): string | undefined {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h |= 1;
    const length = end - start;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const stored = this.hashes[p];
      if (stored === 0) {
        this.lastValue = undefined;
        return undefined;
      }
      if (stored !== h) continue;
      const key = this.entries[2 * p] as string;
      if (key.length !== length || !text.startsWith(key, start)) continue;
      this.lastValue = this.entries[2 * p + 1] as V;
      return key;
    }
  }

  /** The value found by the last `getRange` call. */
  get lastFound(): V | undefined {
    return this.lastValue;
  }

  private lastValue: V | undefined = undefined;

  /** Adds a key that `get` did not find. */
  add(key: string, value: V): void {
    if (this.count >= this.maxEntries) this.clear();
    const h = FormTable.hash(key);
    let p = h & this.mask;
    while (this.hashes[p] !== 0) p = (p + 1) & this.mask;
    this.hashes[p] = h;
    this.entries[2 * p] = key;
    this.entries[2 * p + 1] = value;
    this.count++;
  }

  clear(): void {
    this.hashes.fill(0);
    this.entries.fill(undefined);
    this.count = 0;
  }
}
