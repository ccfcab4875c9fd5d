import type { Customer } from '../../customer/customer';
import { mulberry32, rng } from './random';
import { type SyntheticOptions, generatedRecords, syntheticSettings } from './syntheticCustomers';

/**
 * The records of {@link syntheticCustomers} (same options, same seed: the same records) made one at
 * a time as they are read, for trying duplicate search on more data than you want to hold
 * ({@link findDuplicatesInStream}). They come in the order they are made, each original followed by
 * its duplicates, not shuffled, with ids `s-1`, `s-2`, ... padded to the width of `count`; the
 * truth is not returned (an original and its duplicates are neighbours).
 *
 * @param options - {@link SyntheticOptions}
 * @returns a generator of `count` customers, to be read once
 * @throws {CrmError} `INVALID_ARGUMENT`, `INVALID_DATE` as {@link syntheticCustomers}, when called
 *
 * @example
 * ```ts
 * import { syntheticCustomerStream, syntheticCustomers } from 'crmkit/quality';
 * const options = { count: 100, seed: 1, asOf: new Date('2026-01-01') };
 * const names = (cs: Iterable<{ displayName: string }>) => [...cs].map((c) => c.displayName).sort();
 * [...syntheticCustomerStream(options)].length;
 * //=> 100
 * names(syntheticCustomerStream(options)).join() === names(syntheticCustomers(options).customers).join();
 * //=> true
 * ```
 */
export function syntheticCustomerStream(options: SyntheticOptions): Generator<Customer, void, undefined> {
  const settings = syntheticSettings(options);
  const r = rng(mulberry32(options.seed ?? 1));
  const width = String(settings.count).length;
  return (function* numbered() {
    let i = 0;
    for (const [c] of generatedRecords(r, settings)) {
      i++;
      yield { ...c, id: `s-${String(i).padStart(width, '0')}` };
    }
  })();
}
