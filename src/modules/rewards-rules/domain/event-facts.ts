/**
 * A customer event as the reward rules see it, whatever protocol brought it. Stored as the
 * `attributes` JSON of the event register. Directory references are directory **codes**;
 * amounts and quantities are decimal strings (never floats).
 */
/** The Command API's event kinds and operation types, as events carry them into the facts. */
export const COMMAND_EVENT_TYPES = ['operation', 'event'] as const;
export const COMMAND_OPERATION_TYPES = ['purchase', 'refund', 'payment', 'transfer', 'cashWithdrawal', 'deposit', 'other'] as const;
/** The CRM API's event types: each has its bulk endpoint, its item validation and its examples. */
export const CRM_EVENT_TYPES = ['purchase', 'referral', 'achievement', 'financial_achievement', 'financial_statement', 'web', 'social_media'] as const;
export type CrmEventType = (typeof CRM_EVENT_TYPES)[number];
/** Every event type a rule can name. */
export const EVENT_TYPES = [...COMMAND_EVENT_TYPES, ...CRM_EVENT_TYPES] as const;
export type FactsEventType = (typeof EVENT_TYPES)[number];

export interface EventFacts {
  eventType: FactsEventType;
  /** Command API operations: purchase, refund, payment, transfer, cashWithdrawal, deposit, other. */
  operationType?: string;
  /** ISO-8601 UTC date-time the event was performed; rules' validity and daysOfWeek use it. */
  performedOn: string;
  /** The base amount: operation amount × currency rate, or the sum of product totals of a purchase. */
  amount?: string;
  currency?: string;
  classification?: string;
  merchant?: string;
  terminal?: string;
  businessUnit?: string;
  unit?: string;
  customerEvent?: string;
  bankEvent?: string;
  customerType1?: string;
  customerType2?: string;
  customerType3?: string;
  customerType4?: string;
  customerType5?: string;
  mcc?: string;
  bankProduct?: string;
  products?: Array<{ code: string; quantity: string; totalAmount: string }>;
  socialMedia?: string;
  action?: string;
  website?: string;
  kpis?: Array<{ code: string; value: string }>;
  /** Referrals: both parties' bonus accounts (the event's own account is the referred one). */
  referral?: { referrerAccountId: string; referredAccountId: string };
}
