import type { RecordInProgress } from '../../schema/record.js';

/** A stage's input layer; its absence means the chain is misconfigured, which no retry will fix. */
export function requireLayer<K extends keyof RecordInProgress>(record: RecordInProgress, layer: K, stage: string): NonNullable<RecordInProgress[K]> {
  const value = record[layer];
  if (value === undefined || value === null) throw new Error(`${stage} needs the "${String(layer)}" layer, which the record lacks`);
  return value as NonNullable<RecordInProgress[K]>;
}
