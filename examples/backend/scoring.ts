/**
 * Scores. At start-up the purchase model (BG/NBD) and the spend model (Gamma-Gamma) are fitted to
 * every stored transaction, in weeks as in Fader, Hardie & Lee; a customer's P(alive), expected
 * purchases and CLV are then read from their own current history. RFM scores are quantiles of the
 * whole customer base: they are computed once and again only after new records came in (a nightly
 * job in a large deployment). On PostgreSQL, segment members come from `toSql` instead of the
 * in-memory evaluation below.
 */
import { type Customer, CrmError, isCrmError } from 'crmkit';
import type { Interaction, Transaction } from 'crmkit/customer';
import { type BgNbdModel, type GammaGammaModel, expectedPurchases, fitBgNbd, fitGammaGamma, predictClv, probabilityAlive, summarizeTransactions } from 'crmkit/clv';
import { deriveStage } from 'crmkit/lifecycle';
import { type CustomerMetrics, rfmMetrics, summarizeRfm } from 'crmkit/segmentation';
import type { Repositories } from './context';

const WEEK = 7;
/** CLV horizon: 12 monthly steps of 52/12 weeks, 1% a month (lifetimes' defaults, as in score-clv.md). */
const CLV = { horizon: 12, period: 52 / 12, discountRate: 0.01 } as const;
const EXPECTED_DAYS = 90;
/** RFM quantiles older than this are recomputed even without new records (recency moves with time). */
const RFM_MAX_AGE_MS = 60 * 60 * 1000;

export interface Scores {
  readonly customerId: string;
  readonly asOf: string;
  readonly rfm?: { r: number; f: number; m: number; segment: string };
  readonly lifecycle: { stage: string; since: string };
  readonly probabilityAlive?: number;
  readonly expectedPurchases?: { days: number; value: number };
  readonly clv?: { horizonMonths: number; value: unknown };
}

export interface Scoring {
  /** Fitted at start-up; undefined when there was too little history to fit. */
  readonly models: { readonly purchases: BgNbdModel; readonly spend: GammaGammaModel; readonly customers: number } | undefined;
  /** New records came in: RFM quantiles are recomputed on next use. */
  invalidate(): void;
  /** RFM (and spend) metrics of every customer, as segment rules read them. */
  metrics(asOf: Date): Promise<ReadonlyMap<string, CustomerMetrics>>;
  score(customer: Customer, asOf: Date): Promise<Scores>;
}

async function all<T>(read: (cursor: string | undefined) => Promise<{ items: readonly T[]; nextCursor?: string }>, max = 100_000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined && out.length < max);
  return out;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of source) out.push(x);
  return out;
}

/** Fits the models to the stored transactions and prepares RFM scoring, in `currency`. */
export async function createScoring(repositories: Repositories, options: { readonly asOf: Date; readonly currency: string }): Promise<Scoring> {
  const { customers, transactions, interactions } = repositories;
  const { currency } = options;
  const inCurrency = (t: Transaction) => t.amount.currency === currency;
  const history = (await collect(transactions.streamByTimeRange({ to: options.asOf }))).filter(inCurrency);
  let models: Scoring['models'];
  try {
    const summaries = summarizeTransactions(history, { asOf: options.asOf, period: 'day' });
    const columns = {
      frequency: Float64Array.from(summaries, (s) => s.frequency),
      recency: Float64Array.from(summaries, (s) => s.recency / WEEK),
      T: Float64Array.from(summaries, (s) => s.T / WEEK),
      monetaryValue: Float64Array.from(summaries, (s) => s.monetaryValue.toNumber()),
    };
    models = { purchases: fitBgNbd(columns), spend: fitGammaGamma(columns), customers: summaries.length };
  } catch (e) {
    if (!isCrmError(e, 'INSUFFICIENT_DATA') && !isCrmError(e, 'MODEL_NOT_CONVERGED')) throw e;
  }

  let rfm: { at: number; metrics: ReadonlyMap<string, CustomerMetrics> } | undefined;
  let rfmBuild: Promise<ReadonlyMap<string, CustomerMetrics>> | undefined;
  const metrics = async (asOf: Date) => {
    if (rfm !== undefined && asOf.getTime() - rfm.at < RFM_MAX_AGE_MS && asOf.getTime() >= rfm.at) return rfm.metrics;
    // One rebuild at a time: concurrent requests wait for the same one.
    rfmBuild ??= (async () => {
      try {
        const ids = (await collect(customers.stream())).map((c) => c.id);
        const txs = (await collect(transactions.streamByTimeRange({ to: asOf }))).filter(inCurrency);
        const m = rfmMetrics(summarizeRfm(txs, { asOf, currency, customerIds: ids }));
        rfm = { at: asOf.getTime(), metrics: m };
        return m;
      } finally {
        rfmBuild = undefined;
      }
    })();
    return rfmBuild;
  };

  return {
    models,
    invalidate: () => {
      rfm = undefined;
    },
    metrics,
    async score(customer, asOf) {
      const id = customer.id;
      const [txs, acts] = await Promise.all([
        all<Transaction>((cursor) => transactions.listByCustomer(id, { limit: 1000, to: asOf, ...(cursor ? { cursor } : {}) })),
        all<Interaction>((cursor) => interactions.listByCustomer(id, { limit: 1000, to: asOf, ...(cursor ? { cursor } : {}) })),
      ]);
      const stage = deriveStage({ customerId: id, since: customer.createdAt, transactions: txs, interactions: acts }, {}, { asOf });
      const m = (await metrics(asOf)).get(id);
      const out: Scores = {
        customerId: id,
        asOf: asOf.toISOString(),
        ...(m?.rfm && { rfm: { ...m.rfm, segment: String(m.rfmSegment) } }),
        lifecycle: { stage: stage.stage, since: stage.since.toISOString() },
      };
      const [s] = summarizeTransactions(txs.filter(inCurrency), { asOf, period: 'day' });
      if (models === undefined || s === undefined) return out;
      const row = { frequency: s.frequency, recency: s.recency / WEEK, T: s.T / WEEK, monetaryValue: s.monetaryValue.toNumber() };
      const [clv] = predictClv(models.purchases, models.spend, [row], { ...CLV, currency });
      if (clv === undefined) throw new CrmError('INSUFFICIENT_DATA', { params: { model: 'clv' } });
      return {
        ...out,
        probabilityAlive: probabilityAlive(models.purchases, [row])[0] as number,
        expectedPurchases: { days: EXPECTED_DAYS, value: expectedPurchases(models.purchases, [row], EXPECTED_DAYS / WEEK)[0] as number },
        clv: { horizonMonths: CLV.horizon, value: clv },
      };
    },
  };
}
