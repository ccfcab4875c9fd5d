import type { Customer } from '../../customer/customer';

/**
 * Records of one repository moved from a merged customer to the survivor.
 *
 * @example
 * ```ts
 * const moved: RepointedRecords = { repository: 0, fromCustomerId: 'c-2', ids: ['t-9'] };
 * ```
 */
export interface RepointedRecords {
  /** Index of the repository in the list given to {@link repointRecords}. */
  readonly repository: number;
  readonly fromCustomerId: string;
  readonly ids: readonly string[];
}

/**
 * Everything needed to undo a merge: every input record as it was (deep copies, in the order
 * given), the golden record, and, once {@link repointRecords} ran, the ids of the records moved.
 * Plain data: store it as JSON beside your customers (dates need reviving).
 *
 * @example
 * ```ts
 * const inputsOf = (m: MergeRecord) => m.inputs.map((c) => c.id);
 * ```
 */
export interface MergeRecord {
  readonly survivorId: string;
  /** Ids of the records merged into the survivor (sorted). */
  readonly mergedIds: readonly string[];
  readonly inputs: readonly Customer[];
  readonly golden: Customer;
  readonly mergedAt: Date;
  readonly repointed: readonly RepointedRecords[];
}
