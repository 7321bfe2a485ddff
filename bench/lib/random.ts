import { randomBytes } from 'crypto';

/** A small seeded PRNG (mulberry32): the same seed draws the same data set on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * Zipf-like popularity over `size` items: item of rank k is drawn with weight k^-exponent. Ranks are
 * shuffled onto indexes so the hot customers are spread over the id range, not the first rows.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;
  private readonly rankToIndex: Uint32Array;

  constructor(readonly size: number, readonly exponent: number, random: () => number) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let k = 0; k < size; k++) {
      total += Math.pow(k + 1, -exponent);
      this.cumulative[k] = total;
    }
    for (let k = 0; k < size; k++) this.cumulative[k] /= total;
    this.rankToIndex = new Uint32Array(size);
    for (let i = 0; i < size; i++) this.rankToIndex[i] = i;
    for (let i = size - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [this.rankToIndex[i], this.rankToIndex[j]] = [this.rankToIndex[j], this.rankToIndex[i]];
    }
  }

  /** The share of all draws that goes to the `top` most popular items. */
  shareOfTop(top: number): number {
    return this.cumulative[Math.min(top, this.size) - 1];
  }

  /** The item index of the given popularity rank (0 = hottest). */
  indexOfRank(rank: number): number {
    return this.rankToIndex[rank];
  }

  next(random: () => number): number {
    const u = random();
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.rankToIndex[lo];
  }
}

/** Event ids as the app makes them: 32 upper-case hex characters, drawn in one batch. */
export function newEventIds(count: number): string[] {
  const bytes = randomBytes(16 * count).toString('hex').toUpperCase();
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) ids[i] = bytes.slice(i * 32, i * 32 + 32);
  return ids;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
