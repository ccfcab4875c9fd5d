import { type FieldEvidence, type NameFrequencyAdjustment, decidingIdentifierOfPair, scorePair } from './comparePair';
import type { Features } from './features';
import type { DuplicatePair, MatchSettings } from './findDuplicates';

type Decider = DuplicatePair['decidedBy'];
// A decider as a small integer in the compact list (0: none).
const DECIDERS: readonly Decider[] = [undefined, 'uscc', 'residentId', 'verifiedPhone'];

/**
 * The score of candidate pair a, b when it is to be reported (at or above review, or decided by an
 * identifier), else NaN; scored without evidence, so a pair left out allocates nothing.
 */
export function reportedScore(f: Features, a: number, b: number, s: MatchSettings, frequency?: NameFrequencyAdjustment, birthFrequency?: NameFrequencyAdjustment): number {
  if (f.kind[a] !== f.kind[b]) return NaN;
  const score = scorePair(f, a, b, s.weights, s.parameters, undefined, frequency, birthFrequency);
  if (score >= s.review) return score;
  return decidingIdentifierOfPair(f, a, b, s.weights, s.parameters, frequency, birthFrequency) === undefined ? NaN : score;
}

/** The pair to report for records a and b with their `score`: ids ordered, score rounded, evidence rebuilt. */
export function reportPair(f: Features, a: number, b: number, score: number, decided: Decider, s: MatchSettings, frequency?: NameFrequencyAdjustment, birthFrequency?: NameFrequencyAdjustment): DuplicatePair {
  const evidence: FieldEvidence[] = [];
  scorePair(f, a, b, s.weights, s.parameters, evidence, frequency, birthFrequency);
  const x = f.ids[a] as string;
  const y = f.ids[b] as string;
  const ida = x < y ? x : y;
  const idb = x < y ? y : x;
  const rounded = Math.round(score * 1000) / 1000;
  const status = score >= s.threshold || decided !== undefined ? 'match' : 'review';
  return decided === undefined ? { a: ida, b: idb, score: rounded, status, evidence } : { a: ida, b: idb, score: rounded, status, decidedBy: decided, evidence };
}

/**
 * The pairs a search reports, kept compact while it compares (row numbers, score, decider in flat
 * arrays) and made into {@link DuplicatePair}s with their evidence once, in report order: most
 * candidate pairs at scale are not reported, and objects built during the comparisons would be
 * promoted and copied by the garbage collector while the comparisons go on.
 */
export class ReportedPairs {
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly score: number[] = [];
  private readonly decided: number[] = [];

  /** Keeps pair a, b; whether it is a match. */
  add(a: number, b: number, score: number, decided: Decider, threshold: number): boolean {
    this.a.push(a);
    this.b.push(b);
    this.score.push(score);
    this.decided.push(DECIDERS.indexOf(decided));
    return score >= threshold || decided !== undefined;
  }

  /** The pairs, highest (rounded) score first, ties by ids, as {@link comparePairs} orders them. */
  toPairs(f: Features, s: MatchSettings, frequency?: NameFrequencyAdjustment, birthFrequency?: NameFrequencyAdjustment): DuplicatePair[] {
    const count = this.a.length;
    const rounded = new Float64Array(count);
    const low: string[] = new Array<string>(count);
    const high: string[] = new Array<string>(count);
    for (let k = 0; k < count; k++) {
      rounded[k] = Math.round((this.score[k] as number) * 1000) / 1000;
      const x = f.ids[this.a[k] as number] as string;
      const y = f.ids[this.b[k] as number] as string;
      low[k] = x < y ? x : y;
      high[k] = x < y ? y : x;
    }
    const order = Array.from({ length: count }, (_, k) => k).sort(
      (x, y) => (rounded[y] as number) - (rounded[x] as number) || cmp(low[x] as string, low[y] as string) || cmp(high[x] as string, high[y] as string),
    );
    return order.map((k) => reportPair(f, this.a[k] as number, this.b[k] as number, this.score[k] as number, DECIDERS[this.decided[k] as number], s, frequency, birthFrequency));
  }
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
