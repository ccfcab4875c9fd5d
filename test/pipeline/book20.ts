// A 20-deal book for the hand-counted figure tests, built with the public API (createOpportunity,
// moveOpportunity and plain edits), keeping every version for the waterfall. Dates are UTC midnight.
import { Money } from 'crmkit';
import { DEFAULT_B2B_PIPELINE, createOpportunity, moveOpportunity, type Opportunity } from 'crmkit/pipeline';

const P = DEFAULT_B2B_PIPELINE;
export const d = (s: string): Date => new Date(`2026-${s}T00:00:00Z`);

type Step = [stage: string, when: string, reason?: string] | [edit: Partial<Opportunity>, when: string];

/** Every version of every deal, oldest first per deal; `current` holds the last version of each. */
export const versions: Opportunity[] = [];
export const current: Opportunity[] = [];

function deal(id: string, owner: string, amount: string, stage: string, created: string, close: string, steps: Step[] = [], extra: Record<string, unknown> = {}): void {
  const currency = id === 'o10' ? 'USD' : 'CNY';
  let o = createOpportunity(P, { id, customerId: `c-${id}`, ownerId: owner, name: `Deal ${id}`, amount: Money.of(amount, currency), stage, expectedCloseDate: d(close), ...extra }, { now: d(created) }).opportunity;
  versions.push(o);
  for (const [what, when, reason] of steps) {
    if (typeof what === 'string') o = moveOpportunity(P, o, what, { now: d(when), ...(reason !== undefined && { reason }) }).opportunity;
    else o = { ...o, ...what, version: o.version + 1, updatedAt: d(when) };
    versions.push(o);
  }
  current.push(o);
}

// id, owner, amount, first stage, created, expected close, then moves and edits
deal('o01', 'u-a', '100000', 'lead', '06-01', '07-15');
deal('o02', 'u-a', '200000', 'lead', '05-01', '07-20', [['qualified', '05-20']]);
deal('o03', 'u-a', '40000', 'lead', '04-15', '08-10', [['proposal', '05-15'], [{ amount: Money.of('50000', 'CNY') }, '06-01']]);
deal('o04', 'u-a', '100000', 'lead', '03-01', '08-31', [['qualified', '03-20'], ['proposal', '04-20'], [{ amount: Money.of('80000', 'CNY') }, '05-01'], ['negotiation', '06-01']]);
deal('o05', 'u-b', '120000', 'proposal', '06-10', '09-15', [], { probability: 0.65 });
deal('o06', 'u-b', '40000', 'qualified', '05-05', '09-30', [['negotiation', '06-05']]);
deal('o07', 'u-b', '30000', 'lead', '06-20', '10-15');
deal('o08', 'u-b', '60000', 'qualified', '02-01', '07-25', [[{ expectedCloseDate: d('06-20') }, '05-15']]);
deal('o09', 'u-a', '8000.50', 'lead', '04-01', '07-31', [['negotiation', '05-01'], [{ amount: Money.of('10000.50', 'CNY') }, '05-10'], ['proposal', '06-01', 'price reopened']]);
deal('o10', 'u-b', '5000', 'negotiation', '06-15', '08-01');
deal('o11', 'u-b', '25000', 'lead', '07-05', '09-01');
deal('o12', 'u-a', '70000', 'negotiation', '03-10', '09-10', [], { probability: 0 });
deal('o13', 'u-a', '90000', 'lead', '03-01', '07-10', [['proposal', '03-20'], ['won', '04-10']]);
deal('o14', 'u-b', '150000', 'qualified', '04-01', '05-31', [['negotiation', '04-25'], ['won', '05-21']]);
deal('o15', 'u-a', '60000', 'lead', '04-21', '06-30', [['won', '06-30']]);
deal('o16', 'u-b', '40000', 'lead', '03-15', '08-15', [['qualified', '04-01'], ['lost', '04-20', 'competitor']]);
deal('o17', 'u-a', '20000', 'lead', '04-01', '05-15', [['lost', '05-01', 'no budget']]);
deal('o18', 'u-b', '30000', 'proposal', '01-01', '03-31', [['won', '03-20']]);
deal('o19', 'u-a', '100000', 'lead', '02-01', '04-30', [['proposal', '02-15'], ['negotiation', '03-01'], ['lost', '04-15', 'budget frozen'], ['proposal', '06-01', 'budget back'], [{ expectedCloseDate: d('08-20') }, '06-02']]);
deal('o20', 'u-b', '45000', 'qualified', '05-10', '06-30', [['proposal', '05-25'], ['lost', '06-15', 'timing']]);
