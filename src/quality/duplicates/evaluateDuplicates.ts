import { requireDenseArray } from '../../core/guards';
import { requireClusters } from './guards';

/**
 * Pairwise quality of found duplicates against the truth.
 *
 * @example
 * ```ts
 * const line = (q: DuplicateQuality) => `P=${q.precision} R=${q.recall} F1=${q.f1}`;
 * ```
 */
export interface DuplicateQuality {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** TP / (TP + FP); 1 when nothing was predicted. */
  readonly precision: number;
  /** TP / (TP + FN); 1 when there was nothing to find. */
  readonly recall: number;
  /** Harmonic mean of precision and recall. */
  readonly f1: number;
}

function pairKeys(clusters: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const c of clusters) {
    const ids = [...c].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.add(`${ids[i]}\u0000${ids[j]}`);
  }
  return out;
}

/**
 * Precision, recall and F1 of duplicate clusters against true clusters, counted over pairs: a
 * cluster of k records stands for its k(k-1)/2 pairs (the pairwise measures of record linkage;
 * Christen, P. (2012), "Data Matching", Springer, section 7.3).
 *
 * @param found - clusters found, for example `findDuplicates(...).clusters`
 * @param truth - the true clusters, for example from {@link syntheticCustomers}
 * @returns counts and measures
 *
 * @example
 * ```ts
 * import { evaluateDuplicates } from 'crmkit/quality';
 * evaluateDuplicates([['a', 'b', 'c']], [['a', 'b'], ['d', 'e']]);
 * //=> { truePositives: 1, falsePositives: 2, falseNegatives: 1, precision: 0.3333333333333333, recall: 0.5, f1: 0.4 }
 * ```
 */
export function evaluateDuplicates(found: readonly (readonly string[])[], truth: readonly (readonly string[])[]): DuplicateQuality {
  requireClusters(found, truth);
  requireDenseArray(found, 'found');
  requireDenseArray(truth, 'truth');
  const predicted = pairKeys(found);
  const actual = pairKeys(truth);
  let tp = 0;
  for (const k of predicted) if (actual.has(k)) tp++;
  const fp = predicted.size - tp;
  const fn = actual.size - tp;
  const precision = predicted.size === 0 ? 1 : tp / predicted.size;
  const recall = actual.size === 0 ? 1 : tp / actual.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}
