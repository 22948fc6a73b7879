/** Errors are values with a kind a caller can branch on and a message a person can act on. */
export type StoreErrorKind =
  | 'unreachable' // server not answering
  | 'auth' // wrong user or password
  | 'database-missing' // the named database does not exist
  | 'locked' // another process owns the embedded database directory
  | 'damaged' // the embedded database file cannot be opened; the message says how to restore it
  | 'invalid-input' // a batch or argument the store refuses
  | 'query'; // the engine rejected a query

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreError(e: unknown): e is StoreError {
  return e instanceof StoreError;
}

/** A store error's first line: what a one-line report says (the rest is detail for logs). */
export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
