/**
 * Position after the last operation of a page. Pages follow the operation id alone (ledger order);
 * `createdAt` stays in the cursor only so its text keeps the shape clients already hold.
 */
export interface OperationCursor {
  createdAt: Date;
  id: string;
}

/** Opaque to clients: base64url of `<epoch ms>:<operation id>`. */
export function encodeCursor(cursor: OperationCursor): string {
  return Buffer.from(`${cursor.createdAt.getTime()}:${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor a previous page returned, or null when the text is not one. */
export function decodeCursor(text: unknown): OperationCursor | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(text)) return null;
  const m = /^(\d{1,15}):(\d{1,20})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!m) return null;
  const createdAt = new Date(Number(m[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: m[2] };
}
