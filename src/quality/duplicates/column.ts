// Feature columns in chunks: how findDuplicates keeps the features of records it reads one at a
// time without copying them into one array at the end.

/** Rows per chunk of a feature column: 2^CHUNK_SHIFT. */
export const CHUNK_SHIFT = 14;
/** Rows per chunk of a feature column. */
export const CHUNK_ROWS = 1 << CHUNK_SHIFT;
const ROW_MASK = CHUNK_ROWS - 1;

/**
 * A column of per-record values in chunks of {@link CHUNK_ROWS} rows, the last one possibly
 * shorter: row i is `column[i >>> CHUNK_SHIFT][i & (CHUNK_ROWS - 1)]` (internal). Records read
 * one at a time fill one chunk after another, and nothing is copied when the input ends: joining a
 * million records' chunks into flat arrays took half a second on a virtual machine, and the
 * chunks it dropped were about 170 MB of garbage at the search's peak.
 */
export type Column<T> = T[][];

/** Row i of a column. */
export const at = <T>(column: Column<T>, i: number): T => (column[i >>> CHUNK_SHIFT] as T[])[i & ROW_MASK] as T;

/** Sets row i of a column, starting its chunk when it is the first row of one (rows are written in order). */
export function put<T>(column: Column<T>, i: number, value: T): void {
  const k = i >>> CHUNK_SHIFT;
  const chunk = column[k] ?? (column[k] = []);
  chunk[i & ROW_MASK] = value;
}

/** Adds a chunk of room for `rows` more rows to a column whose last chunk is full (writes then fill it in place). */
export function reserveChunk<T>(column: Column<T>, rows: number): void {
  column.push(new Array<T>(Math.min(CHUNK_ROWS, rows)));
}

/** Cuts a column to its first `rows` rows (the chunks are trimmed in place, not copied). */
export function truncateColumn<T>(column: Column<T>, rows: number): void {
  const chunks = Math.ceil(rows / CHUNK_ROWS);
  column.length = chunks;
  const last = rows - (chunks - 1) * CHUNK_ROWS;
  if (chunks > 0) (column[chunks - 1] as T[]).length = last;
}
