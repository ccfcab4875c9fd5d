import type { Customer } from 'crmkit';
import { type FindDuplicatesOptions, findDuplicates } from 'crmkit/quality';

/** False pairs and missed pairs, grouped by the evidence that led to them. */
export interface ErrorGroups {
  readonly falsePositives: Map<string, string[]>;
  readonly falseNegatives: Map<string, string[]>;
}

const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

function pairsOf(clusters: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const c of clusters) for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) out.add(key(c[i] as string, c[j] as string));
  return out;
}

/**
 * Runs findDuplicates and groups its errors by cause: a missed pair that blocking never compared
 * (`not compared`), or the evidence signature (`name:high phone:disagree ...`) of a pair scored
 * below the threshold; a false pair joined only through a third record (`transitive`), or the
 * evidence signature of the false match.
 */
export function errorGroups(customers: readonly Customer[], truth: readonly (readonly string[])[], options: FindDuplicatesOptions = {}): ErrorGroups {
  const result = findDuplicates(customers, { ...options, reviewThreshold: -1000 });
  const compared = new Map(result.pairs.map((p) => [key(p.a, p.b), p]));
  const found = pairsOf(result.clusters);
  const actual = pairsOf(truth);
  const signature = (k: string) => {
    const p = compared.get(k);
    if (!p) return 'not compared';
    return p.evidence.map((e) => `${e.field}:${e.level}`).join(' ') || '(no evidence)';
  };
  const add = (m: Map<string, string[]>, g: string, k: string) => {
    const list = m.get(g);
    if (list) list.push(k);
    else m.set(g, [k]);
  };
  const falsePositives = new Map<string, string[]>();
  const falseNegatives = new Map<string, string[]>();
  for (const k of found) if (!actual.has(k)) add(falsePositives, compared.get(k)?.status === 'match' ? signature(k) : 'transitive', k);
  for (const k of actual) if (!found.has(k)) add(falseNegatives, signature(k), k);
  return { falsePositives, falseNegatives };
}
