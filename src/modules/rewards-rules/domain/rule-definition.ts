import { FactsEventType } from './event-facts';

/**
 * A reward rule as the evaluator reads it: validated, with every number a decimal string and
 * every default filled in (see rule-validation.ts). Rules are data; treat them as immutable.
 */
export interface RuleDefinition {
  id: string;
  name: string;
  active: boolean;
  /** Higher runs first; equal priorities run in id order. */
  priority: number;
  /** ISO-8601 UTC; both ends inclusive, compared with the event's `performedOn`. */
  validFrom: string | null;
  validTo: string | null;
  when: RuleConditions;
  award: AwardSpec;
  limits: RuleLimits | null;
  expiresInDays: number | null;
  /** When its conditions hold, the rules after it are not applied. */
  exclusive: boolean;
}

/** List conditions on one field of the facts: the event matches when its value is one of the list (case-insensitive). */
export const VALUE_CONDITIONS = {
  classifications: 'classification',
  merchants: 'merchant',
  terminals: 'terminal',
  businessUnits: 'businessUnit',
  units: 'unit',
  customerEvents: 'customerEvent',
  bankEvents: 'bankEvent',
  customerType1: 'customerType1',
  customerType2: 'customerType2',
  customerType3: 'customerType3',
  customerType4: 'customerType4',
  customerType5: 'customerType5',
  mcc: 'mcc',
  bankProducts: 'bankProduct',
  currencies: 'currency',
  socialMedia: 'socialMedia',
  actions: 'action',
  websites: 'website',
} as const;

export type ValueCondition = keyof typeof VALUE_CONDITIONS;

/** Every given condition must hold. */
export type RuleConditions = { [K in ValueCondition]?: string[] } & {
  eventTypes?: FactsEventType[];
  operationTypes?: string[];
  /** At least one of the purchase's products is one of these. */
  products?: string[];
  /** Inclusive bounds on the base amount; an event without an amount does not match them. */
  minAmount?: string;
  maxAmount?: string;
  /** Each KPI was measured and, with `min`, reached at least `min`. */
  kpis?: Array<{ code: string; min?: string }>;
  /** ISO days of the event's UTC date: 1 = Monday … 7 = Sunday. */
  daysOfWeek?: number[];
};

export type Rounding = 'floor' | 'round' | 'none';
export type ReferralTarget = 'referrer' | 'referred' | 'both';

interface AwardCommon {
  /** floor: whole points rounded down; round: whole points half-up; none: 2 decimals rounded down. */
  rounding: Rounding;
  /** Who gets the points of a referral event; ignored for other events. */
  target: ReferralTarget;
}

/** How many points a matching event earns. */
export type AwardSpec = AwardCommon &
  (
    | { type: 'fixed'; points: string }
    | { type: 'percent'; percent: string }
    | { type: 'perAmount'; points: string; step: string }
    | { type: 'perProductUnit'; points: string }
    | { type: 'kpiFactor'; kpi: string; factor: string }
  );

export type AwardType = AwardSpec['type'];

export interface RuleLimits {
  /** Per award (each party of a referral has its own). */
  maxPointsPerEvent?: string;
  /** Per receiving account and UTC day / month of the event. */
  maxPointsPerCustomerPerDay?: string;
  maxPointsPerCustomerPerMonth?: string;
  /** Total points the rule may ever award. */
  budget?: string;
}
