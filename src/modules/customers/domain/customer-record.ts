import { randomBytes } from 'crypto';
import { CustomerStatus } from '../entities/customer.entity';

/** A customer as the use cases read it. */
export interface CustomerRecord {
  id: string;
  guid: string | null;
  uniqId: string | null;
  email: string | null;
  phone: string | null;
  info: string | null;
  status: CustomerStatus;
  customerType1: string | null;
  customerType2: string | null;
  customerType3: string | null;
  customerType4: string | null;
  customerType5: string | null;
  linkToken: string;
  createdAt: Date;
}

export const CUSTOMER_TYPE_FIELDS = ['customerType1', 'customerType2', 'customerType3', 'customerType4', 'customerType5'] as const;

/** The unguessable part of a customer's bonus-window link. */
export function newLinkToken(): string {
  return randomBytes(16).toString('hex');
}

export function bonusWindowLink(linkToken: string): string {
  return `/bonus/${linkToken}`;
}
