import type { MatchParameters, WeightTable } from './fellegiSunter';
import type { Features } from './features';
import { jaroWinkler } from './similarity';

/**
 * A field compared between two records.
 *
 * @example
 * ```ts
 * const field: MatchField = 'phone';
 * ```
 */
export type MatchField = 'name' | 'phone' | 'email' | 'postalCode' | 'birthDate' | 'uscc' | 'residentId';

/**
 * What one field contributed to a pair's score: its agreement level, the Fellegi-Sunter weight
 * of that level, and for names the Jaro-Winkler similarity. Fields missing on either side are not
 * listed (they weigh 0).
 *
 * @example
 * ```ts
 * const e: FieldEvidence = { field: 'name', level: 'high', weight: 5.64, similarity: 0.95 };
 * ```
 */
export interface FieldEvidence {
  readonly field: MatchField;
  readonly level: 'exact' | 'high' | 'medium' | 'agree' | 'disagree';
  readonly weight: number;
  readonly similarity?: number;
}

function anyShared(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The Fellegi-Sunter score of records a and b: the sum over fields of the weight of the observed
 * agreement level. Pushes per-field evidence when `evidence` is given (only for pairs worth
 * reporting); without it the loop allocates nothing.
 */
export function scorePair(f: Features, a: number, b: number, w: WeightTable, p: MatchParameters, evidence?: FieldEvidence[]): number {
  let score = 0;
  const na = f.name[a] as string;
  const nb = f.name[b] as string;
  if (na && nb) {
    if (na === nb) score += note(evidence, 'name', 'exact', w.nameExact, 1);
    else {
      const s = jaroWinkler(na, nb);
      if (s >= p.nameHigh) score += note(evidence, 'name', 'high', w.nameHigh, s);
      else if (s >= p.nameMedium) score += note(evidence, 'name', 'medium', w.nameMedium, s);
      else score += note(evidence, 'name', 'disagree', w.nameDisagree, s);
    }
  }
  const pa = f.phones[a] as readonly string[];
  const pb = f.phones[b] as readonly string[];
  if (pa.length > 0 && pb.length > 0) {
    score += anyShared(pa, pb) ? note(evidence, 'phone', 'agree', w.phoneAgree) : note(evidence, 'phone', 'disagree', w.phoneDisagree);
  }
  const ea = f.emails[a] as readonly string[];
  const eb = f.emails[b] as readonly string[];
  if (ea.length > 0 && eb.length > 0) {
    score += anyShared(ea, eb) ? note(evidence, 'email', 'agree', w.emailAgree) : note(evidence, 'email', 'disagree', w.emailDisagree);
  }
  score += single(evidence, f.postalCode, a, b, 'postalCode', w.postalAgree, w.postalDisagree);
  score += single(evidence, f.birthDate, a, b, 'birthDate', w.birthAgree, w.birthDisagree);
  score += single(evidence, f.uscc, a, b, 'uscc', w.usccAgree, w.usccDisagree);
  score += single(evidence, f.residentId, a, b, 'residentId', w.residentAgree, w.residentDisagree);
  return score;
}

/** Records evidence when asked; returns the weight. */
function note(evidence: FieldEvidence[] | undefined, field: MatchField, level: FieldEvidence['level'], weight: number, similarity?: number): number {
  if (evidence) evidence.push(similarity === undefined ? { field, level, weight: round(weight) } : { field, level, weight: round(weight), similarity: round(similarity) });
  return weight;
}

function single(evidence: FieldEvidence[] | undefined, column: readonly string[], a: number, b: number, field: MatchField, agree: number, disagree: number): number {
  const x = column[a] as string;
  const y = column[b] as string;
  if (!x || !y) return 0;
  return x === y ? note(evidence, field, 'agree', agree) : note(evidence, field, 'disagree', disagree);
}

/** The exact identifier two records share that decides the pair on its own, if any. */
export function decidingIdentifier(f: Features, a: number, b: number): 'uscc' | 'residentId' | 'verifiedPhone' | undefined {
  if (f.uscc[a] && f.uscc[a] === f.uscc[b]) return 'uscc';
  if (f.residentId[a] && f.residentId[a] === f.residentId[b]) return 'residentId';
  const va = f.verifiedPhones[a] as readonly string[];
  const vb = f.verifiedPhones[b] as readonly string[];
  if (va.length > 0 && vb.length > 0 && anyShared(va, vb)) return 'verifiedPhone';
  return undefined;
}
