// When two stated values of one counted thing agree: intervals from bounds, ranges and approximation,
// a value written two ways, one value rounded by one outlet. Pure (conflict-rules.ts, claims.ts).

/** A value as compared: a point, a range, an approximation, or a bound («أكثر من 120»: 120 and up). */
export interface ComparableValue {
  value: number;
  valueMax: number | null;
  approx: boolean;
  bound?: 'lower' | 'upper' | null;
}

/**
 * The interval a stated quantity allows: exact values are points, ranges are [value, valueMax], an
 * approximate value («نحو 50») allows ±`approxTolerance` of itself, a lower bound («أكثر من 120»,
 * «على الأقل») everything from it up, an upper bound («أقل من 10», «لا يتجاوز») everything up to it.
 */
export function quantityInterval(q: ComparableValue, approxTolerance: number): [number, number] {
  const low = q.value;
  const high = q.valueMax ?? q.value;
  if (q.bound === 'lower') return [low, Infinity];
  if (q.bound === 'upper') return [-Infinity, high];
  if (!q.approx) return [low, high];
  return [low * (1 - approxTolerance), high * (1 + approxTolerance)];
}

/** Relative slack for one value written two ways («16.6 مليار» / 16600000000.000002; a float32 read back). */
const ROUNDING = 1e-6;

/** Digits after the decimal point as the value is written back («9381.01»: 2). */
function decimals(value: number): number {
  const text = String(value);
  const at = text.indexOf('.');
  return at < 0 || text.includes('e') ? 0 : text.length - at - 1;
}

/** One value given to fewer decimals by one outlet («9381 نقطة» / «9381.01 نقطة», «21.4» / «21»): the finer rounds to the coarser. */
function roundsTo(a: ComparableValue, b: ComparableValue): boolean {
  if (a.valueMax !== null || b.valueMax !== null) return false;
  const [da, db] = [decimals(a.value), decimals(b.value)];
  if (da === db) return false;
  const [coarse, fine, places] = da < db ? [a.value, b.value, da] : [b.value, a.value, db];
  return Number(fine.toFixed(places)) === coarse;
}

/**
 * A point written as the thousands separator («33.288 زجاجة» for 33,288, as some Gulf papers write
 * it), read as a decimal point: exactly three decimals, and the other outlet's value a thousand times
 * it (conflict round 7). Exact values only.
 */
function thousandsPoint(a: ComparableValue, b: ComparableValue): boolean {
  if (a.valueMax !== null || b.valueMax !== null || a.approx || b.approx) return false;
  const [small, large] = a.value < b.value ? [a, b] : [b, a];
  return decimals(small.value) === 3 && Math.abs(small.value * 1000 - large.value) <= ROUNDING * large.value;
}

/** Two quantities of the same counted thing agree when their allowed intervals meet («49» and «نحو 50» do), or one is the other rounded. */
export function quantitiesAgree(a: ComparableValue, b: ComparableValue, approxTolerance: number): boolean {
  if (roundsTo(a, b) || thousandsPoint(a, b)) return true;
  const [lowA, highA] = quantityInterval(a, approxTolerance);
  const [lowB, highB] = quantityInterval(b, approxTolerance);
  const slack = ROUNDING * Math.max(Math.abs(a.valueMax ?? a.value), Math.abs(b.valueMax ?? b.value));
  return lowA <= highB + slack && lowB <= highA + slack;
}

