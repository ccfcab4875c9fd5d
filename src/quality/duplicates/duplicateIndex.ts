import { type LongRunningOptions, throwIfAborted } from '../../core/abort';
import { CrmError } from '../errors';
import type { Customer } from '../../customer/customer';
import { builtInKeys } from './blocking';
import { customKeyHashes } from './keyHash';
import { blockLimit, pairScreen, windowOrder } from './blockRules';
import { emptyFeatures, type Features, HASH_COLUMNS, requireCustomerShape, textColumns, writeFeatures } from './features';
import { at, put, truncateColumn } from './column';
import { StringCache } from './stringCache';
import { type DuplicatePair, type FindDuplicatesOptions, comparePairs, judgePair, matchSettings } from './findDuplicates';
import { NameFrequency } from './nameFrequency';
import { requireCustomerSource, requireIndexSettings } from './guards';

/**
 * An incremental duplicate index for matching at entry: check a new lead against the customers
 * you have as it is typed in. Made by {@link createDuplicateIndex} or
 * {@link buildDuplicateIndex}.
 *
 * @example
 * ```ts
 * const check = (index: DuplicateIndex, lead: Parameters<DuplicateIndex['match']>[0]) => index.match(lead).length > 0;
 * ```
 */
export interface DuplicateIndex {
  /** Number of customers indexed. */
  readonly size: number;
  /** Indexes a customer. Throws `DUPLICATE_ID` when its id is indexed already. */
  add(customer: Customer): void;
  /** Removes a customer by id; false when it was not indexed. */
  remove(id: string): boolean;
  /**
   * The pairs (`match` or `review`) the candidate forms with indexed customers: the pairs
   * {@link findDuplicates} would report for it if it were searched together with every indexed
   * customer (name frequencies and block sizes count the candidate too). A candidate whose id is
   * indexed is compared as a replacement of that record, not with it. Highest score first.
   */
  match(candidate: Customer): readonly DuplicatePair[];
}

type Block = number | number[];

class Index implements DuplicateIndex {
  private readonly settings;
  private readonly f: Features;
  private readonly slotOf = new Map<string, number>();
  private readonly blocks: Map<number, Block>[];
  private readonly customHashes: (number[] | undefined)[] = [];
  private readonly names = new NameFrequency();
  private readonly births = new NameFrequency();
  private readonly strings = new StringCache();
  private live = 0;

  constructor(options: FindDuplicatesOptions) {
    this.settings = matchSettings(options);
    this.f = emptyFeatures(this.settings.defaultRegion, this.settings.identifiers);
    this.blocks = [...this.settings.keys, ...this.settings.customKeys].map(() => new Map<number, Block>());
  }

  get size(): number {
    return this.live;
  }

  add(customer: Customer): void {
    requireCustomerShape(customer);
    if (this.slotOf.has(customer.id)) throw new CrmError('DUPLICATE_ID', { params: { entity: 'customer', id: customer.id }, details: { id: customer.id } });
    const slot = this.f.count;
    writeFeatures(this.f, slot, customer, this.strings);
    this.f.count = slot + 1;
    this.slotOf.set(customer.id, slot);
    this.live++;
    this.names.add(at(this.f.name, slot));
    this.births.add(at(this.f.birthDate, slot));
    this.keysOf(slot, customer, (k, hash) => {
      const map = this.blocks[k] as Map<number, Block>;
      const block = map.get(hash);
      if (block === undefined) map.set(hash, slot);
      else if (typeof block === 'number') map.set(hash, block === slot ? block : [block, slot]);
      else if (block[block.length - 1] !== slot) block.push(slot);
    });
  }

  remove(id: string): boolean {
    const slot = typeof id === 'string' ? this.slotOf.get(id) : undefined;
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.live--;
    this.names.remove(at(this.f.name, slot));
    this.births.remove(at(this.f.birthDate, slot));
    this.keysOf(slot, undefined, (k, hash) => {
      const map = this.blocks[k] as Map<number, Block>;
      const block = map.get(hash);
      if (block === slot) map.delete(hash);
      else if (Array.isArray(block)) {
        const at = block.indexOf(slot);
        if (at >= 0) block.splice(at, 1);
        if (block.length === 1) map.set(hash, block[0] as number);
      }
    });
    put(this.f.ids, slot, '');
    this.customHashes[slot] = undefined;
    return true;
  }

  match(candidate: Customer): readonly DuplicatePair[] {
    requireCustomerShape(candidate);
    const f = this.f;
    const scratch = f.count;
    const replaced = this.slotOf.get(candidate.id);
    writeFeatures(f, scratch, candidate);
    const name = at(f.name, scratch);
    const birth = at(f.birthDate, scratch);
    if (replaced !== undefined) {
      this.names.remove(at(f.name, replaced));
      this.births.remove(at(f.birthDate, replaced));
    }
    this.names.add(name);
    this.births.add(birth);
    try {
      const others = new Set<number>();
      const members: number[] = [];
      this.keysOf(scratch, candidate, (k, hash) => {
        const block = (this.blocks[k] as Map<number, Block>).get(hash);
        if (block === undefined) return;
        members.length = 0;
        if (typeof block === 'number') members.push(block);
        else members.push(...block);
        const own = replaced === undefined ? -1 : members.indexOf(replaced);
        if (own >= 0) members.splice(own, 1);
        const key = k < this.settings.keys.length ? this.settings.keys[k] : undefined;
        if (members.length === 0 || members.length + 1 > blockLimit(key, this.settings.maxBlockSize)) return;
        this.pairedIn(members, scratch, k, others);
      }, true);
      const frequency = this.settings.nameFrequency ? (i: number) => this.names.adjustment(at(f.name, i)) : undefined;
      const birthFrequency = this.settings.nameFrequency ? (i: number) => this.births.adjustment(at(f.birthDate, i)) : undefined;
      const pairs: DuplicatePair[] = [];
      for (const other of others) {
        const pair = judgePair(f, other < scratch ? other : scratch, other < scratch ? scratch : other, this.settings, frequency, birthFrequency);
        if (pair) pairs.push(pair);
      }
      return pairs.sort(comparePairs);
    } finally {
      this.names.remove(name);
      this.births.remove(birth);
      if (replaced !== undefined) {
        this.names.add(at(f.name, replaced));
        this.births.add(at(f.birthDate, replaced));
      }
      truncate(f, scratch);
    }
  }

  /**
   * Adds to `others` the members of a block of key k that findDuplicates would pair with the
   * candidate in `slot`: all of them in a block of up to `window` records, else its neighbours in
   * the window order; in both cases those that pass the key's screen.
   */
  private pairedIn(members: number[], slot: number, k: number, others: Set<number>): void {
    const f = this.f;
    const { keys, window } = this.settings;
    const key = k < keys.length ? keys[k] : undefined;
    const screen = pairScreen(key);
    let from = 0;
    let to = members.length;
    if (members.length + 1 > window) {
      const order = windowOrder(key);
      members.push(slot);
      members.sort((a, b) => order(f, a, b));
      const at = members.indexOf(slot);
      from = Math.max(0, at - window + 1);
      to = Math.min(members.length, at + window);
    }
    for (let j = from; j < to; j++) {
      const m = members[j] as number;
      if (m !== slot && (!screen || screen(f, m, slot))) others.add(m);
    }
  }

  /** Calls `emit(keyIndex, hash)` for each distinct blocking key value of a slot. */
  private keysOf(slot: number, customer: Customer | undefined, emit: (k: number, hash: number) => void, transient = false): void {
    const { keys, customKeys } = this.settings;
    const seen = new Set<number>();
    for (let k = 0; k < keys.length; k++) {
      seen.clear();
      builtInKeys(keys[k] as (typeof keys)[number], this.f, slot, (hash) => {
        // as a signed 32-bit integer the hash is a small integer to V8, not a boxed number: a
        // million records hold about ten million block keys
        const h = hash | 0;
        if (!seen.has(h)) {
          seen.add(h);
          emit(k, h);
        }
      });
    }
    if (customKeys.length === 0) return;
    let hashes = this.customHashes[slot];
    if (customer) {
      hashes = [];
      const list = hashes;
      for (let c = 0; c < customKeys.length; c++) {
        customKeyHashes((customKeys[c] as (typeof customKeys)[number])(customer), (hash) => list.push(keys.length + c, hash));
      }
      if (!transient) this.customHashes[slot] = hashes;
    }
    if (!hashes) return;
    seen.clear();
    for (let i = 0; i < hashes.length; i += 2) {
      const tag = (hashes[i] as number) * 4294967296 + (hashes[i + 1] as number);
      if (!seen.has(tag)) {
        seen.add(tag);
        emit(hashes[i] as number, hashes[i + 1] as number);
      }
    }
  }
}

/** Drops the scratch row from every column. */
function truncate(f: Features, length: number): void {
  for (const column of textColumns(f)) truncateColumn(column, length);
  // the index's hash columns are plain arrays (it appends)
  for (const key of HASH_COLUMNS) {
    const column = f[key];
    if (Array.isArray(column)) column.length = length;
  }
}

/**
 * Creates an incremental duplicate index over customers, for matching at entry: `index.match(lead)`
 * gives the pairs {@link findDuplicates} would report for the lead among the indexed customers,
 * with the same options (blocking keys, parameters, thresholds, declared identifiers, name
 * frequency), without searching everything again. Lookups read only the lead's blocks. Rebuild it
 * from a repository's stream with {@link buildDuplicateIndex}.
 *
 * @param customers - the customers to index (ids must be unique)
 * @param options - as for {@link findDuplicates} (its `signal` and `onProgress` are not used here)
 * @returns the index
 * @throws {CrmError} `DUPLICATE_ID` when an id repeats; `INVALID_ARGUMENT` for options findDuplicates
 *   rejects, or customers that are not an iterable of objects with a string id and displayName (also
 *   from `add` and `match`)
 *
 * @example
 * ```ts
 * import { createDuplicateIndex } from 'crmkit/quality';
 * const at = new Date('2026-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, createdAt: at, updatedAt: at, version: 1 } as const;
 * const index = createDuplicateIndex([
 *   { ...base, id: 'c-1', displayName: '陈小明', contactPoints: [{ type: 'phone', value: '138 1234 5678' }] },
 *   { ...base, id: 'c-2', displayName: '王芳', contactPoints: [{ type: 'phone', value: '13900000000' }] },
 * ]);
 * const lead = { ...base, id: 'lead-1', displayName: '陳曉明', contactPoints: [{ type: 'phone', value: '+86 138-1234-5678' }] };
 * index.match(lead).map((p) => [p.a, p.status]);
 * //=> [['c-1', 'match']]
 * index.remove('c-1');
 * //=> true
 * index.match(lead);
 * //=> []
 * ```
 */
export function createDuplicateIndex(customers: Iterable<Customer> = [], options: FindDuplicatesOptions = {}): DuplicateIndex {
  requireIndexSettings(options);
  requireCustomerSource(customers, 'customers');
  const index = new Index(options);
  for (const c of customers) index.add(c);
  return index;
}

/**
 * Builds a {@link DuplicateIndex} from a stream, such as a repository's `stream()`: the way to
 * rebuild the index after a restart without holding every customer in memory at once.
 *
 * @param source - customers, as an async or sync iterable
 * @param options - as for {@link createDuplicateIndex}, plus `signal` (checked first and every 10,000
 *   records) and `onProgress` (phase `index`)
 * @returns the index, once the stream is consumed
 * @throws {CrmError} `DUPLICATE_ID`, `INVALID_ARGUMENT` as for {@link createDuplicateIndex}; `ABORTED`
 *
 * @example
 * ```ts
 * import { buildDuplicateIndex } from 'crmkit/quality';
 * const at = new Date('2026-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, createdAt: at, updatedAt: at, version: 1 } as const;
 * async function* stream() {
 *   yield { ...base, id: 'c-1', displayName: 'Sandra Walker', contactPoints: [{ type: 'email', value: 'sandra@example.com' }] };
 * }
 * const index = await buildDuplicateIndex(stream());
 * index.match({ ...base, id: 'lead', displayName: 'WALKER, Sandra', contactPoints: [{ type: 'email', value: 'sandra@example.com' }] })[0]?.status;
 * //=> 'match'
 * ```
 */
export async function buildDuplicateIndex(source: AsyncIterable<Customer> | Iterable<Customer>, options: FindDuplicatesOptions & LongRunningOptions = {}): Promise<DuplicateIndex> {
  requireIndexSettings(options);
  requireCustomerSource(source, 'source', true);
  const index = new Index(options);
  throwIfAborted(options.signal, 'buildDuplicateIndex');
  let done = 0;
  for await (const c of source) {
    index.add(c);
    if (++done % 10_000 === 0) {
      throwIfAborted(options.signal, 'buildDuplicateIndex');
      options.onProgress?.({ phase: 'index', done });
    }
  }
  options.onProgress?.({ phase: 'index', done });
  return index;
}
