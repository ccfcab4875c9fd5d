import { recycleScratch, scratchArray } from '../core/scratch/scratchArrays';

/** Slots of the first table (a power of two); it doubles when half full. */
const FIRST_SLOTS = 2048;
/** Most slots a size hint may ask for at the start (2 MB of table): beyond, the table grows as it fills. */
const MAX_FIRST_SLOTS = 1 << 18;
/**
 * Longest probe an insert may take before the codes move to a Map. Ids that hash well never get
 * near it at half load (linear probing's displacement tail falls off like 0.82^d); ids crafted to
 * collide would otherwise make every lookup walk a long run, so they get the Map's speed instead.
 */
const MAX_PROBE = 128;
/** Ids per run of IdCodes.codeBatch's passes: its slots and characters stay in cache between them. */
const PIPELINE = 1024;
/** IdCodes.codeBatch's mark for a row whose id is the previous row's. */
const SAME_AS_PREVIOUS = -2;

/**
 * A 32-bit hash of a string's UTF-16 code units: FNV-1a, then MurmurHash3's finalizer so the low
 * bits (the table index) depend on every character (internal; exported for tests).
 */
export function idHash(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Dense integer codes for customer ids in first-seen order, so per-customer totals live in typed
 * arrays (internal). A row with the previous row's id (transactions read grouped by customer)
 * skips the lookup. Lookups use an open-addressing table in typed arrays that keeps each id's hash
 * beside its code, and compare an id with a packed copy of the known ids' characters: one probe
 * usually settles a lookup without touching another string, and a new id costs a few integer
 * writes where a Map insert goes through the runtime. Behaves exactly like a `Map` from id to code
 * (values that are not strings, which the callers refuse afterwards, are coded through one).
 */
export class IdCodes {
  /** `ids[code]` is the code's id; distinct. */
  readonly ids: string[] = [];
  // Per slot, [code + 1, hash of the id]; code + 1 = 0 marks an empty slot.
  #table: Int32Array;
  #mask: number;
  // hashes[code]: the id's hash, to move the codes into a larger table without hashing again.
  #hashes = scratchArray(Int32Array, FIRST_SLOTS / 2);
  // Every code, once a probe ran too long; undefined while the table is in use.
  #map: Map<unknown, number> | undefined;
  // The table's ids' UTF-16 units, one after another (code c's at starts[c]..starts[c + 1]): a
  // lookup compares with these, packed together, instead of with the id strings, which lie all over
  // the heap wherever each customer's first row was made.
  #units = scratchArray(Uint16Array, 16 * FIRST_SLOTS);
  #starts = scratchArray(Int32Array, FIRST_SLOTS / 2 + 1);
  #used = 0;
  // codeBatch's scratch: each id's hash, and the code in its home slot when the hash matches (-1 otherwise).
  #runHashes = new Int32Array(PIPELINE);
  #runCandidates = new Int32Array(PIPELINE);
  // Codes of values that are not strings (kept apart from the table).
  #others: Map<unknown, number> | undefined;
  // Equal to no id (not even a missing one) until the first call.
  private lastId: unknown = {};
  private lastCode = -1;

  /**
   * @param expectedIds - how many ids may come, at most (the number of rows, say): the table
   *   starts large enough for them, up to MAX_FIRST_SLOTS, instead of doubling its way there.
   */
  constructor(expectedIds = 0) {
    let slots = FIRST_SLOTS;
    while (slots < 2 * expectedIds && slots < MAX_FIRST_SLOTS) slots *= 2;
    this.#table = scratchArray(Int32Array, 2 * slots);
    this.#mask = slots - 1;
  }

  /** The code of `id`, a new one (the next integer) for an id not seen before. */
  code(id: string): number {
    if (id === this.lastId) return this.lastCode;
    const c = typeof id === 'string' && this.#map === undefined ? this.#tableCode(id) : this.#mapCode(id);
    this.lastId = id;
    this.lastCode = c;
    return c;
  }

  /**
   * Writes the codes of `ids[0..count)` to `out[0..count)`, the same codes as calling
   * {@link IdCodes.code} on each in order. A lookup is a chain of dependent cache misses (the table
   * slot, then the id's characters), and a loop doing a whole lookup per id leaves the processor
   * one or two chains in flight. So runs of 1,024 ids go through three tight passes:
   * hash every id (one equal to the previous row's is only marked: rows grouped by customer);
   * read every id's home slot (independent loads, which the processor overlaps);
   * then, in order, confirm each candidate by its characters, and send every other id (a new id, a
   * displaced slot, a value that is not a string) through the full lookup, which inserts.
   */
  codeBatch(ids: ArrayLike<string>, count: number, out: Int32Array): void {
    for (let from = 0; from < count; from += PIPELINE) this.#codeRun(ids, from, Math.min(count, from + PIPELINE), out);
  }

  #codeRun(ids: ArrayLike<string>, from: number, to: number, out: Int32Array): void {
    if (this.#map !== undefined) {
      for (let i = from; i < to; i++) out[i] = this.code(ids[i] as string);
      return;
    }
    const hashes = this.#runHashes;
    const candidates = this.#runCandidates;
    const n = to - from;
    // Rows grouped by customer repeat the previous row's id: equal strings compare faster than one
    // hashes (and differ at their first unequal character when ids vary), so a repeat is marked
    // (SAME_AS_PREVIOUS) and neither hashed nor looked up.
    for (let i = 0; i < n; i++) {
      const id = ids[from + i];
      if (i > 0 && id === ids[from + i - 1]) candidates[i] = SAME_AS_PREVIOUS;
      else {
        candidates[i] = -1;
        hashes[i] = typeof id === 'string' ? idHash(id) : 0;
      }
    }
    // Candidates come from the table as it is now; inserts in the last pass only add codes, and a
    // candidate counts only once its characters are confirmed, so they stay sound.
    const table = this.#table;
    const mask = this.#mask;
    for (let i = 0; i < n; i++) {
      if (candidates[i] === SAME_AS_PREVIOUS) continue;
      const h = hashes[i] as number;
      const s = h & mask;
      candidates[i] = table[2 * s + 1] === h ? (table[2 * s] as number) - 1 : -1;
    }
    for (let i = 0; i < n; i++) {
      const c = candidates[i] as number;
      const id = ids[from + i] as string;
      if (c === SAME_AS_PREVIOUS) out[from + i] = out[from + i - 1] as number;
      else if (typeof id !== 'string' || this.#map !== undefined) out[from + i] = this.code(id);
      else out[from + i] = c >= 0 && this.#unitsEqual(c, id) ? c : this.#tableCode(id, hashes[i] as number);
    }
  }

  /** True once the codes have moved to a Map (ids that collide too often); for tests. */
  get usesMap(): boolean {
    return this.#map !== undefined;
  }

  /** Codes for distinct `ids`, in their order. */
  static of(ids: readonly string[]): IdCodes {
    const codes = new IdCodes();
    for (const id of ids) codes.code(id);
    return codes;
  }

  #tableCode(id: string, h = idHash(id)): number {
    const table = this.#table;
    const mask = this.#mask;
    let s = h & mask;
    for (let probe = 0; probe <= MAX_PROBE; probe++) {
      const entry = table[2 * s] as number;
      if (entry === 0) return this.#insert(id, h, s);
      if (table[2 * s + 1] === h && this.#unitsEqual(entry - 1, id)) return entry - 1;
      s = (s + 1) & mask;
    }
    this.#moveToMap();
    return this.#mapCode(id);
  }

  #unitsEqual(c: number, id: string): boolean {
    const start = this.#starts[c] as number;
    const length = id.length;
    if ((this.#starts[c + 1] as number) - start !== length) return false;
    const units = this.#units;
    for (let k = 0; k < length; k++) if (units[start + k] !== id.charCodeAt(k)) return false;
    return true;
  }

  #pushUnits(c: number, id: string): void {
    let units = this.#units;
    if (this.#used + id.length > units.length) {
      units = scratchArray(Uint16Array, Math.max(2 * units.length, this.#used + id.length));
      units.set(this.#units);
      recycleScratch(this.#units);
      this.#units = units;
    }
    for (let k = 0; k < id.length; k++) units[this.#used + k] = id.charCodeAt(k);
    this.#used += id.length;
    if (c + 2 > this.#starts.length) {
      const starts = scratchArray(Int32Array, 2 * this.#starts.length);
      starts.set(this.#starts);
      recycleScratch(this.#starts);
      this.#starts = starts;
    }
    this.#starts[c + 1] = this.#used;
  }

  #insert(id: string, h: number, slot: number): number {
    const c = this.ids.length;
    this.ids.push(id);
    this.#pushHash(h);
    this.#pushUnits(c, id);
    this.#table[2 * slot] = c + 1;
    this.#table[2 * slot + 1] = h;
    if (2 * (c + 1) > this.#mask + 1) this.#grow();
    return c;
  }

  /** Doubles the table and puts every code back (probes there are bounded by the same rule). */
  #grow(): void {
    const slots = 2 * (this.#mask + 1);
    const mask = slots - 1;
    const table = scratchArray(Int32Array, 2 * slots);
    const hashes = this.#hashes;
    const n = this.ids.length;
    for (let c = 0; c < n; c++) {
      if (typeof this.ids[c] !== 'string') continue;
      const h = hashes[c] as number;
      let s = h & mask;
      let probe = 0;
      while (table[2 * s] !== 0) {
        if (++probe > MAX_PROBE) {
          recycleScratch(table);
          return this.#moveToMap();
        }
        s = (s + 1) & mask;
      }
      table[2 * s] = c + 1;
      table[2 * s + 1] = h;
    }
    recycleScratch(this.#table);
    this.#table = table;
    this.#mask = mask;
  }

  #moveToMap(): void {
    const map = new Map<unknown, number>();
    for (let c = 0; c < this.ids.length; c++) map.set(this.ids[c], c);
    this.#map = map;
    this.#dropTable();
  }

  /** Hands the table's arrays back for reuse and leaves empty ones. */
  #dropTable(): void {
    recycleScratch(this.#table, this.#hashes, this.#units, this.#starts);
    this.#table = new Int32Array(0);
    this.#hashes = new Int32Array(0);
    this.#units = new Uint16Array(0);
    this.#starts = new Int32Array(0);
  }

  /**
   * Hands the table's arrays back for reuse (see core/scratch) when the codes are no longer
   * needed. `ids` stays as it was; a later lookup still answers correctly, from a Map built from
   * `ids` (the empty table sends every probe there).
   */
  release(): void {
    if (this.#map === undefined) this.#dropTable();
  }

  #mapCode(id: unknown): number {
    const map = this.#map ?? (this.#others ??= new Map());
    let c = map.get(id);
    if (c === undefined) {
      c = this.ids.length;
      map.set(id, c);
      this.ids.push(id as string);
      if (this.#map === undefined) {
        this.#pushHash(0);
        this.#pushUnits(c, '');
      }
    }
    return c;
  }

  // Records the hash of the newest code (0 for a value outside the table, which keeps its index).
  #pushHash(h: number): void {
    const c = this.ids.length - 1;
    if (c === this.#hashes.length) {
      const hashes = scratchArray(Int32Array, 2 * c);
      hashes.set(this.#hashes);
      recycleScratch(this.#hashes);
      this.#hashes = hashes;
    }
    this.#hashes[c] = h;
  }
}
