import { TSchema } from '@sinclair/typebox';
import { BULK_EVENT_PATHS } from '../domain/bulk-event-types';
import { CrmBulkAnswer, bulkRequestSchema } from './crm-bulk-shapes';
import { CrmApiError } from './crm-envelope-shapes';
import { CrmLoginAnswer, CrmLoginRequest } from './crm-login-shapes';
import { CrmPurchaseAnswer, CrmPurchaseRequest } from './crm-purchase-shapes';

const pascal = (path: string) => path.split('_').map((p) => p[0].toUpperCase() + p.slice(1)).join('');
export const bulkRequestComponent = (path: string) => `CrmBulk${pascal(path)}Request`;

/** The CRM API's named shapes in the document's components, each defined once in this folder. */
export const CRM_COMPONENTS: Record<string, TSchema> = {
  CrmApiError,
  CrmLoginRequest,
  CrmLoginAnswer,
  CrmBulkAnswer,
  CrmPurchaseRequest,
  CrmPurchaseAnswer,
  ...Object.fromEntries(BULK_EVENT_PATHS.map((path) => [bulkRequestComponent(path), bulkRequestSchema(path)])),
};

export const crmRef = (name: keyof typeof CRM_COMPONENTS | string) => ({ $ref: `#/components/schemas/${name}` });
