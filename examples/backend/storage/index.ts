/**
 * The one place that chooses the storage: PGlite in this process by default (nothing to install),
 * the PostgreSQL server at `url` (PG_URL) when given, in a schema of its own dropped on close, or
 * memory when asked.
 */
import { openDatabase } from '../../postgres';
import type { Storage } from '../context';
import { memoryStorage } from './memory';
import { postgresStorage } from './postgres';

export { memoryStorage, postgresStorage };

export async function openStorage(options: { readonly url?: string | undefined; readonly memory?: boolean } = {}): Promise<Storage> {
  if (options.memory) return memoryStorage();
  return postgresStorage(await openDatabase({ url: options.url, schemaPrefix: 'crmkit_backend' }));
}
