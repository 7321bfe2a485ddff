/** A lot: what is left of an accrual (or positive adjustment) that spends and expiry may consume. */
export interface Lot {
  /** The operation id; lots created in the same unit of work and not yet stored use `new:<n>`. */
  id: string;
  /** Hundredths of a point. */
  remaining: bigint;
  expiresAt: Date | null;
}

export interface LotTake {
  lotId: string;
  points: bigint;
}

export interface ConsumptionPlan {
  takes: LotTake[];
  /** What the lots could not cover. */
  shortfall: bigint;
}

/** First-expiring-first: earliest `expiresAt` first, lots that never expire last, older lots before newer ones. */
export function compareLots(a: Lot, b: Lot): number {
  if (a.expiresAt && b.expiresAt) {
    const byExpiry = a.expiresAt.getTime() - b.expiresAt.getTime();
    if (byExpiry !== 0) return byExpiry;
  } else if (a.expiresAt || b.expiresAt) {
    return a.expiresAt ? -1 : 1;
  }
  return compareLotIds(a.id, b.id);
}

function compareLotIds(a: string, b: string): number {
  const aNew = a.startsWith('new:');
  const bNew = b.startsWith('new:');
  if (aNew !== bNew) return aNew ? 1 : -1;
  const x = BigInt(aNew ? a.slice(4) : a);
  const y = BigInt(bNew ? b.slice(4) : b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Which lots, and how much of each, cover `points`, first-expiring-first. Does not change the lots. */
export function planConsumption(lots: readonly Lot[], points: bigint): ConsumptionPlan {
  const takes: LotTake[] = [];
  let needed = points;
  for (const lot of [...lots].sort(compareLots)) {
    if (needed <= 0n) break;
    if (lot.remaining <= 0n) continue;
    const take = lot.remaining < needed ? lot.remaining : needed;
    takes.push({ lotId: lot.id, points: take });
    needed -= take;
  }
  return { takes, shortfall: needed > 0n ? needed : 0n };
}
