import { CrmEventType } from '../../../modules/rewards-rules';

/** The seven bulk endpoints: `POST /crm/customer_events/bulk/{path}/create`. */
export const BULK_EVENT_PATHS = [
  'achievements', 'purchases', 'referrals', 'social_media', 'web', 'financial_achievements', 'financial_statements',
] as const;
export type BulkEventPath = (typeof BULK_EVENT_PATHS)[number];

export interface BulkEventType {
  path: BulkEventPath;
  /** The request's list of events, named as the seeds name it (financial statements reuse the financial achievements' name). */
  setName: string;
  eventType: CrmEventType;
  /** For error sentences: "financial statement customer events". */
  label: string;
  classificationRequired: boolean;
}

export const BULK_EVENT_TYPES: Record<BulkEventPath, BulkEventType> = {
  achievements: { path: 'achievements', setName: 'achievement_customer_events_set', eventType: 'achievement', label: 'achievement', classificationRequired: true },
  purchases: { path: 'purchases', setName: 'purchase_customer_events_set', eventType: 'purchase', label: 'purchase', classificationRequired: false },
  referrals: { path: 'referrals', setName: 'referral_customer_events_set', eventType: 'referral', label: 'referral', classificationRequired: false },
  social_media: { path: 'social_media', setName: 'social_media_customer_events_set', eventType: 'social_media', label: 'social media', classificationRequired: false },
  web: { path: 'web', setName: 'web_customer_events_set', eventType: 'web', label: 'web', classificationRequired: false },
  financial_achievements: {
    path: 'financial_achievements', setName: 'financial_achievement_customer_events_set', eventType: 'financial_achievement',
    label: 'financial achievement', classificationRequired: true,
  },
  financial_statements: {
    path: 'financial_statements', setName: 'financial_achievement_customer_events_set', eventType: 'financial_statement',
    label: 'financial statement', classificationRequired: true,
  },
};

/** Every CRM event type has its bulk path: the compiler refuses a type added without one. */
type CrmTypeWithoutPath = Exclude<CrmEventType, (typeof BULK_EVENT_TYPES)[BulkEventPath]['eventType']>;
export const EVERY_CRM_TYPE_HAS_A_PATH: [CrmTypeWithoutPath] extends [never] ? true : never = true;

/** At most this many events per bulk call (CRM.COM's limit). */
export const MAX_BULK_ITEMS = 1000;

/** Fields of a processed item that `fields_set` can select; `request_unique_identifier` is always answered. */
export const PROCESSED_FIELDS = ['id', 'number'] as const;
