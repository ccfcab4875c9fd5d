import type { Customer } from '../../customer/customer';
import { throwIfAborted } from '../../core/abort';
import { FeatureRows } from './featureRows';
import { type DuplicateResult, type FindDuplicatesOptions, matchSettings, searchFeatures } from './findDuplicates';
import { requireCustomerSource, requireIndexSettings } from './guards';

/**
 * {@link findDuplicates} over a stream, such as a repository's `stream()`: each record is read once
 * and only its matching features are kept, so memory holds the features of every record, not the
 * records (about 0.5 KB a customer where the records themselves take 2 KB or more). Same options,
 * same result as `findDuplicates` over an array of the same records in the same order.
 *
 * @param source - customers, as an async or sync iterable (read once)
 * @param options - {@link FindDuplicatesOptions}; `signal` is checked first and every 10,000 records
 *   read, and `onProgress` hears of phase `read` (records read so far) before `block` and `compare`
 * @returns the result, once the stream is consumed and searched
 * @throws {CrmError} as {@link findDuplicates} (`DUPLICATE_ID` when an id repeats anywhere in the
 *   stream, `INVALID_ARGUMENT` when `source` is not an iterable or an item is not a customer,
 *   `ABORTED`); errors the stream itself raises pass through
 *
 * @example
 * ```ts
 * import { findDuplicatesInStream } from 'crmkit/quality';
 * const at = new Date('2026-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, createdAt: at, updatedAt: at, version: 1 } as const;
 * async function* stream() {
 *   yield { ...base, id: 'c-1', displayName: 'Sandra Walker', contactPoints: [{ type: 'email', value: 'sandra@example.com' }] };
 *   yield { ...base, id: 'c-2', displayName: 'WALKER, Sandra', contactPoints: [{ type: 'email', value: 'Sandra@Example.com' }] };
 *   yield { ...base, id: 'c-3', displayName: '王芳', contactPoints: [] };
 * }
 * const result = await findDuplicatesInStream(stream());
 * result.clusters;
 * //=> [['c-1', 'c-2']]
 * ```
 */
export async function findDuplicatesInStream(source: AsyncIterable<Customer> | Iterable<Customer>, options: FindDuplicatesOptions = {}): Promise<DuplicateResult> {
  requireIndexSettings(options);
  requireCustomerSource(source, 'source', true);
  const settings = matchSettings(options);
  const { signal, onProgress } = options;
  throwIfAborted(signal, 'findDuplicatesInStream');
  const rows = new FeatureRows(settings.defaultRegion, settings.identifiers, settings.customKeys);
  for await (const c of source) {
    rows.add(c);
    if (rows.count % 10_000 === 0) {
      throwIfAborted(signal, 'findDuplicatesInStream');
      onProgress?.({ phase: 'read', done: rows.count });
    }
  }
  onProgress?.({ phase: 'read', done: rows.count });
  return searchFeatures(rows.done(), settings, options, 'findDuplicatesInStream');
}
