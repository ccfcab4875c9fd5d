import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clopperPearsonInterval, criticalValueForSample, studentTCdf, studentTQuantile } from 'crmkit/satisfaction';
import { expectThrowsCode } from './helpers';

// Reference values: scipy.stats.t.ppf / t.cdf / beta.ppf (SciPy on this machine, run once by hand:
// `python3 -c "from scipy import stats; print(stats.t.ppf(0.975, 7))"`), and the printed t table
// (Abramowitz & Stegun Table 26.10) for the rounded entries.
const T_PPF: [number, number, number][] = [
  [0.975, 1, 12.706204736174694],
  [0.975, 2, 4.302652729749462],
  [0.975, 3, 3.1824463052837078],
  [0.975, 7, 2.364624251592784],
  [0.9, 15, 1.3406056078504558],
  [0.995, 28, 2.763262455461444],
  [0.6, 4, 0.2707222947075976],
  [0.999, 100, 3.173739493738783],
  [0.975, 400, 1.9659123432294627],
  [0.975, 1000, 1.9623390808264083],
];
const T_CDF: [number, number, number][] = [
  [0.5, 3, 0.6742760175759245],
  [-1.3, 6, 0.12065258731139306],
  [2.5, 11, 0.9852468129563179],
  [4, 25, 0.999752278164734],
  [1.7, 400, 0.9550458584053129],
  [1.96, 5000, 0.9749743738540902],
];

describe('Student t', () => {
  it.each(T_PPF)('quantile %f with %i degrees of freedom matches scipy', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 9);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-expected, 9);
  });

  it.each(T_CDF)('CDF at %f with %i degrees of freedom matches scipy', (t, df, expected) => {
    expect(studentTCdf(t, df)).toBeCloseTo(expected, 9);
  });

  it('matches the printed t table and the closed forms for 1 and 2 degrees of freedom', () => {
    // A&S Table 26.10, two-sided 95%: 12.706, 2.571 (5), 2.228 (10), 2.086 (20), 2.045 (29).
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.571, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 20)).toBeCloseTo(2.086, 3);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
    // ν = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.  ν = 2: F(t) = 1/2 + t / (2√(t² + 2)).
    for (const t of [-3, -0.4, 0, 0.9, 7]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(t * t + 2)), 14);
    }
  });

  it('property: the quantile inverts the CDF and is monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 400 }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
        expect(studentTQuantile(Math.min(0.9995, p + 0.0005), df)).toBeGreaterThan(studentTQuantile(p, df));
      }),
    );
  });

  it('the critical value switches from t to normal at 30 responses', () => {
    expect(criticalValueForSample(0.95, 29)).toEqual({ value: studentTQuantile(0.975, 28), method: 't' });
    expect(criticalValueForSample(0.95, 30).method).toBe('normal');
    expect(criticalValueForSample(0.95, 30).value).toBeCloseTo(1.959964, 6);
    expect(criticalValueForSample(0.95, 1).method).toBe('normal');
  });

  it('refuses bad arguments with INVALID_ARGUMENT', () => {
    expectThrowsCode(() => studentTQuantile(0, 5), 'INVALID_ARGUMENT');
    expectThrowsCode(() => studentTQuantile(0.5, 0), 'INVALID_ARGUMENT');
    expectThrowsCode(() => studentTQuantile(0.5, 2.5), 'INVALID_ARGUMENT');
    expectThrowsCode(() => studentTCdf(Number.NaN, 5), 'INVALID_ARGUMENT');
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
  });
});

describe('clopperPearsonInterval', () => {
  it('has the closed forms at 0 and n successes: 1 − (α/2)^(1/n) and (α/2)^(1/n)', () => {
    for (const n of [1, 4, 10, 29]) {
      expect(clopperPearsonInterval(0, n)!.upper).toBeCloseTo(1 - 0.025 ** (1 / n), 12);
      expect(clopperPearsonInterval(0, n)!.lower).toBe(0);
      expect(clopperPearsonInterval(n, n)!.lower).toBeCloseTo(0.025 ** (1 / n), 12);
      expect(clopperPearsonInterval(n, n)!.upper).toBe(1);
    }
  });

  it.each([
    [3, 12, 0.05486064452799272, 0.5718584618781891],
    [1, 5, 0.0050507633794680575, 0.7164179361180895],
    [19, 20, 0.7512672372279722, 0.9987349105020502],
    [14, 29, 0.294485582951841, 0.6746850036385436],
  ])('%i of %i matches the beta quantiles (scipy.stats.beta.ppf)', (x, n, lower, upper) => {
    const ci = clopperPearsonInterval(x, n)!;
    expect(ci.lower).toBeCloseTo(lower, 10);
    expect(ci.upper).toBeCloseTo(upper, 10);
  });

  it('property: the interval holds the observed share and widens with confidence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))), ([n, x]) => {
        const ci = clopperPearsonInterval(x, n)!;
        const wide = clopperPearsonInterval(x, n, { confidence: 0.99 })!;
        expect(ci.lower).toBeLessThanOrEqual(x / n);
        expect(ci.upper).toBeGreaterThanOrEqual(x / n);
        expect(wide.lower).toBeLessThanOrEqual(ci.lower + 1e-12);
        expect(wide.upper).toBeGreaterThanOrEqual(ci.upper - 1e-12);
      }),
    );
  });

  it('returns null for no trials and refuses bad counts', () => {
    expect(clopperPearsonInterval(0, 0)).toBeNull();
    expectThrowsCode(() => clopperPearsonInterval(3, 2), 'INVALID_ARGUMENT');
    expectThrowsCode(() => clopperPearsonInterval(1, 2, { confidence: 1 }), 'INVALID_ARGUMENT');
  });
});

describe('minResponses: too few answers are reported as insufficient, not as a number', () => {
  it('nps, csat, ces and the index honour the policy minimum', async () => {
    const { nps, csat, ces, satisfactionIndex, defineSurvey } = await import('crmkit/satisfaction');
    const few = nps([10, 9, 2], { minResponses: 5 });
    expect(few).toMatchObject({ n: 3, promoters: 2, detractors: 1, score: null, marginOfError: null, insufficient: true });
    expect(nps([10, 9, 2, 8, 7], { minResponses: 5 })).toMatchObject({ insufficient: false, score: 20 });
    expect(csat([5, 4], { minResponses: 3 })).toMatchObject({ n: 2, satisfied: 2, share: null, interval: null, insufficient: true });
    expect(ces([7, 6], { minResponses: 3 })).toMatchObject({ n: 2, mean: null, insufficient: true });
    const survey = defineSurvey({ id: 's1', name: 'x', questions: [{ id: 'q', scale: 'csat5' }] });
    const r = (id: string, q: number) => ({ id, surveyId: 's1', customerId: id, channel: 'app', answeredAt: new Date('2026-03-01'), answers: { q } });
    expect(satisfactionIndex([r('a', 5), r('b', 4)], survey, { minResponses: 3, target: 90 })).toMatchObject({
      n: 2, score: null, insufficient: true, target: { verdict: 'no-data' },
    });
    expect(nps([], { minResponses: 1 }).insufficient).toBe(true);
    expect(nps([]).insufficient).toBe(false);
    expectThrowsCode(() => nps([1], { minResponses: 0 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => csat([1], { minResponses: 1.5 }), 'INVALID_ARGUMENT');
  });
});
