import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Labelled data sets crmkit did not design and may not commit (see OUTSIDE_DATA.md next to this
 * file): read from `CRMKIT_OUTSIDE_DATA`, default `.outside-data/` at the repository root.
 */
export const OUTSIDE_DATA = process.env.CRMKIT_OUTSIDE_DATA ?? fileURLToPath(new URL('../../../.outside-data', import.meta.url));

/** Whether the outside file `path` (relative to {@link OUTSIDE_DATA}) is present. */
export const hasOutsideFile = (path: string): boolean => existsSync(join(OUTSIDE_DATA, path));

/** The text of the outside file `path`. */
export const readOutsideFile = (path: string): string => readFileSync(join(OUTSIDE_DATA, path), 'utf8');
