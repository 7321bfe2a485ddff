/** Every kind of reference data (SPEC §2). One table holds them all. */
export const DIRECTORY_KINDS = [
  'merchant', 'terminal', 'customerEvent', 'bankEvent',
  'customerType1', 'customerType2', 'customerType3', 'customerType4', 'customerType5',
  'unit', 'businessUnit', 'classification', 'product', 'currency', 'paymentMediumBrand', 'paymentMediumType',
  'kpi', 'mcc', 'bankProduct',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export function isDirectoryKind(value: string): value is DirectoryKind {
  return (DIRECTORY_KINDS as readonly string[]).includes(value);
}

/** An identifier object as the CRM API sends it: exactly one field names the entry. */
export interface DirectoryIdentifier {
  id?: string;
  code?: string;
  name?: string;
  alternative_code?: string;
}
export const IDENTIFIER_FIELDS = ['id', 'code', 'name', 'alternative_code'] as const;
