export type CommandItemState = 'pending' | 'processed' | 'rejected' | 'failed';

export interface NewCommandItem {
  /** The item's eventId, or its uniqId when it has none: getEventOperation finds items by it. */
  itemKey: string | null;
  payload: Record<string, unknown> | null;
  /** Default pending; step 1 records items it refused as rejected with their error. */
  state?: string;
  error?: string | null;
}

export interface NewCommandRun {
  /** The commandId, when the caller needs it before the run is stored; generated when absent. */
  id?: string;
  clientId: string;
  type: string;
  items: NewCommandItem[];
  /** Items of the command in all (default: items.length), for commands that keep most items elsewhere. */
  itemCount?: number;
}

export interface ItemOutcome {
  itemIndex: number;
  state: 'processed' | 'rejected' | 'failed';
  customerId?: string | null;
  points?: string | null;
  error?: string | null;
}

export interface PendingItem {
  itemIndex: number;
  itemKey: string | null;
  payload: Record<string, unknown>;
}

export interface LockedRun {
  id: string;
  clientId: string;
  type: string;
  state: string;
}

/** A stored item as getEventOperation shows it. */
export interface ItemRecord {
  commandId: string;
  clientId: string;
  itemIndex: number;
  itemKey: string | null;
  state: string;
  /** The customers table's id of the item's customer, once step 2 settled it. */
  customerId: string | null;
  points: string | null;
  error: string | null;
}
