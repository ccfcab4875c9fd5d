/**
 * Options for cursor-paginated listings.
 *
 * @example
 * ```ts
 * const first: ListOptions = { limit: 50 };
 * ```
 */
export interface ListOptions {
  /** Page size, 1 to 1000. Default 100. */
  readonly limit?: number;
  /** The `nextCursor` of the previous page; omitted for the first page. */
  readonly cursor?: string;
}

/**
 * One page of a listing. `nextCursor` is absent on the last page. Cursors are keyset cursors: rows
 * added while a caller pages through are never repeated and rows that existed are never skipped.
 *
 * @typeParam T - the row type
 *
 * @example
 * ```ts
 * const page: Page<string> = { items: ['a', 'b'], nextCursor: 'b' };
 * ```
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/**
 * Options for streaming every row.
 *
 * @example
 * ```ts
 * const options: StreamOptions = { batchSize: 1000 };
 * ```
 */
export interface StreamOptions {
  /** Rows fetched per round trip (a hint for database implementations). Default 500. */
  readonly batchSize?: number;
}
