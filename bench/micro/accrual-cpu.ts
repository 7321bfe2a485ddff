/**
 * CPU of one processing chunk without the database: 500 events like the benchmark's backlog
 * (80 % CRM purchases, 20 % card operations, 3 % of those refunds) over a skewed set of accounts,
 * evaluated against the benchmark's 10 rules, then applied to a ledger book holding 50 live lots
 * per account that a refund reverses. Prints the median CPU time (user + system, so other load on
 * the machine counts little) of a chunk for each part.
 *
 *   npx ts-node bench/micro/accrual-cpu.ts [--rounds=200]
 */
import { BENCH_RULES } from '../lib/fixtures';
import { TSUM_MERCHANT, UNIT, PRODUCT_CODES } from '../lib/event-generator';
import { seededRandom, randomInt } from '../lib/random';
import { parseRule } from '../../src/modules/rewards-rules/domain/rule-validation';
import { RuleDefinition } from '../../src/modules/rewards-rules/domain/rule-definition';
import { EventFacts } from '../../src/modules/rewards-rules/domain/event-facts';
import { chunkEvaluation, chunkLedger, MicroEvent } from './accrual-steps';

const EVENTS = 500;
const ACCOUNTS = 2000;
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 200);

const rules: RuleDefinition[] = BENCH_RULES.map((input, i) => {
  const parsed = parseRule(input);
  if (!parsed.ok) throw new Error(`Bench rule ${input.name} is invalid`);
  return { ...parsed.value, id: String(i + 1) };
});

function events(random: () => number): MicroEvent[] {
  const now = Date.UTC(2026, 10, 20, 12);
  return Array.from({ length: EVENTS }, (_, i) => {
    const accountId = String(1 + Math.floor(ACCOUNTS * random() ** 3));
    const performedOn = new Date(now - Math.floor(random() * 6 * 86_400_000)).toISOString();
    let facts: EventFacts;
    if (random() < 0.8) {
      const products = Array.from({ length: randomInt(random, 1, 3) }, () => ({
        code: random() < 0.1 ? 'GOLD' : PRODUCT_CODES[randomInt(random, 1, PRODUCT_CODES.length - 1)],
        quantity: String(randomInt(random, 1, 3)),
        totalAmount: (randomInt(random, 500, 20000) / 100).toFixed(2),
      }));
      const amount = products.reduce((sum, p) => sum + Math.round(Number(p.totalAmount) * 100), 0);
      facts = { eventType: 'purchase', performedOn, unit: UNIT.code, currency: UNIT.currency, amount: (amount / 100).toFixed(2), products };
    } else {
      const merchant = random() < 0.4 ? String(TSUM_MERCHANT) : '200001';
      facts = {
        eventType: 'operation', operationType: random() < 0.03 ? 'refund' : 'purchase', performedOn,
        amount: (randomInt(random, 100, 50000) / 100).toFixed(4), merchant, terminal: '7',
        ...(random() < 0.5 ? { customerType1: 'debitCardHolder' } : {}),
      };
    }
    return { id: `e${String(i).padStart(31, '0')}`, accountId, facts };
  });
}

const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const random = seededRandom(42);
const chunks = Array.from({ length: 20 }, () => events(random));
const evaluation: number[] = [];
const ledger: number[] = [];
for (let round = 0; round < rounds + 20; round++) {
  const chunk = chunks[round % chunks.length];
  let t = process.cpuUsage();
  const awards = chunkEvaluation(chunk, rules);
  const evaluated = cpuMs(process.cpuUsage(t));
  t = process.cpuUsage();
  chunkLedger(chunk, awards);
  const applied = cpuMs(process.cpuUsage(t));
  if (round >= 20) {
    evaluation.push(evaluated);
    ledger.push(applied);
  }
}
console.log(`chunk of ${EVENTS} events, ${rules.length} rules, ${rounds} rounds (median CPU ms):`);
console.log(`  evaluation ${median(evaluation).toFixed(3)}  ledger ${median(ledger).toFixed(3)}  total ${median(evaluation.map((e, i) => e + ledger[i])).toFixed(3)}`);
