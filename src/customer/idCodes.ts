/**
 * Dense integer codes for customer ids in first-seen order, so per-customer totals live in typed
 * arrays (internal). A row with the previous row's id (transactions read grouped by customer)
 * skips the Map lookup, which is most of the per-row cost on ungrouped input.
 */
export class IdCodes {
  /** `ids[code]` is the code's id; distinct. */
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  // Equal to no id (not even a missing one) until the first call.
  private lastId: unknown = {};
  private lastCode = -1;

  /** The code of `id`, a new one (the next integer) for an id not seen before. */
  code(id: string): number {
    if (id === this.lastId) return this.lastCode;
    let c = this.index.get(id);
    if (c === undefined) {
      c = this.ids.length;
      this.index.set(id, c);
      this.ids.push(id);
    }
    this.lastId = id;
    this.lastCode = c;
    return c;
  }

  /**
   * Writes the codes of `ids[0..count)` to `out[0..count)`. One tight loop over a batch lets the
   * processor overlap the hash table's cache misses, which a lookup inside a loop doing other
   * work per row cannot (object readers fill a batch of ids, then code it).
   */
  codeBatch(ids: readonly string[], count: number, out: Int32Array): void {
    for (let i = 0; i < count; i++) out[i] = this.code(ids[i] as string);
  }

  /** Codes for distinct `ids`, in their order. */
  static of(ids: readonly string[]): IdCodes {
    const codes = new IdCodes();
    for (const id of ids) codes.code(id);
    return codes;
  }
}
