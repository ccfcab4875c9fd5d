// The fuzz worker: loads every entry of package.json `exports` from src/ (through tsx), and for each
// job calls one export with generated junk, checking the properties of issue 19. It runs in a worker
// thread so that the test can stop it when a call hangs (see exports.test.ts, the watchdog).
import fc from 'fast-check';
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { isCrmError } from '../../src/core/errors/CrmError';
import { Money } from '../../src/core/money/Money';
import { CrmError } from '../../src/core/errors/CrmError';
import { TransactionSchema } from '../../src/customer/transaction';
import { MemoryCustomerRecordRepository } from '../../src/memory/MemoryCustomerRecordRepository';
import { MATH_DOMAIN, NEVER_THROW, NONDETERMINISTIC } from './allowList';
import { ROOT, type Target, entries, targetId, targetsOf } from './exportList';
import { HostileInputError, type Spec, argsArb, isFiniteSpec, materialize } from './junk';

export interface Job {
  readonly target: Target;
  readonly runs: number;
  readonly seed: number;
}

/** Per-call budget: a call slower than this is a breach even when it returns. */
const SLOW_MS = 2000;

const INSTANCES: Readonly<Record<string, () => object>> = {
  Money: () => Money.of('12.34', 'CNY'),
  CrmError: () => new CrmError('NOT_FOUND', { params: { entity: 'customer', id: 'c-1' } }),
  // Its constructor requires a name and a schema: fuzz the methods of a working instance.
  MemoryCustomerRecordRepository: () => new MemoryCustomerRecordRepository('transaction', TransactionSchema),
};

let modules: Map<string, Record<string, unknown>> | undefined;
async function load(): Promise<Map<string, Record<string, unknown>>> {
  if (modules) return modules;
  modules = new Map();
  for (const { entry, source } of entries()) modules.set(entry, (await import(pathToFileURL(`${ROOT}${source}`).href)) as Record<string, unknown>);
  return modules;
}

/** Every target the worker can see, in the same order as the test's list. */
export async function allTargets(): Promise<Target[]> {
  const m = await load();
  return targetsOf([...m].map(([entry, module]) => ({ entry, module })));
}

function callableOf(t: Target, module: Record<string, unknown>): (args: unknown[]) => unknown {
  const value = module[t.name] as ((...a: unknown[]) => unknown) & (new (...a: unknown[]) => object) & Record<string, (...a: unknown[]) => unknown>;
  switch (t.kind) {
    case 'function':
      return (args) => value(...args);
    case 'constructor':
      return (args) => new value(...args);
    case 'static':
      return (args) => (value[t.member as string] as (...a: unknown[]) => unknown).apply(value, args);
    case 'method':
      return (args) => {
        // A fresh instance per call: stateful objects (repositories) must not carry one call into the next.
        const instance = (INSTANCES[t.name] ?? (() => new value()))() as Record<string, (...a: unknown[]) => unknown>;
        return (instance[t.member as string] as (...a: unknown[]) => unknown).apply(instance, args);
      };
  }
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';

async function invoke(call: (args: unknown[]) => unknown, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    const value = call(args);
    return { ok: true, value: isThenable(value) ? await value : value };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A printable, cycle-safe and bounded picture of a value, to compare two results. */
function snapshot(v: unknown, depth = 0, seen = new Set<unknown>()): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return 'fn';
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? String(v);
  if (seen.has(v)) return '[cycle]';
  if (depth > 6) return '…';
  seen.add(v);
  try {
    if (v instanceof Date) return `Date(${v.getTime()})`;
    if (Money.isMoney(v)) return `Money(${String(v)})`;
    if (ArrayBuffer.isView(v)) return `[${Array.from(v as unknown as ArrayLike<number>).slice(0, 200).map((x) => snapshot(x)).join(',')}]`;
    if (v instanceof Map) return `Map{${[...v].slice(0, 50).map(([k, x]) => `${snapshot(k, depth + 1, seen)}=>${snapshot(x, depth + 1, seen)}`).join(',')}}`;
    if (v instanceof Set) return `Set{${[...v].slice(0, 50).map((x) => snapshot(x, depth + 1, seen)).join(',')}}`;
    if (Array.isArray(v)) return `[${v.slice(0, 100).map((x) => snapshot(x, depth + 1, seen)).join(',')}]`;
    if (v instanceof Error) return `${v.name}(${(v as { code?: string }).code ?? ''}:${v.message})`;
    return `{${Object.keys(v).slice(0, 100).map((k) => `${k}:${snapshot((v as Record<string, unknown>)[k], depth + 1, seen)}`).join(',')}}`;
  } catch {
    return '[unreadable]';
  } finally {
    seen.delete(v);
  }
}

/** Paths of NaN numbers and Invalid Dates in a result. */
function nonFinite(v: unknown, path = '$', depth = 0, seen = new Set<unknown>()): string | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? path : undefined;
  if (typeof v !== 'object' || v === null || seen.has(v) || depth > 6) return undefined;
  seen.add(v);
  try {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? path : undefined;
    if (ArrayBuffer.isView(v)) {
      const list = v as unknown as ArrayLike<number>;
      for (let i = 0; i < Math.min(list.length, 10_000); i++) if (Number.isNaN(list[i])) return `${path}[${i}]`;
      return undefined;
    }
    const items: [string, unknown][] = v instanceof Map ? [...v].map(([k, x]) => [String(k), x]) : Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
    for (const [k, x] of items.slice(0, 1000)) {
      const found = nonFinite(x, `${path}.${k}`, depth + 1, seen);
      if (found) return found;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Changes everything reachable in a result: what a careless caller might do with it. */
function mutate(v: unknown, depth = 0, seen = new Set<unknown>()): void {
  if (typeof v !== 'object' || v === null || seen.has(v) || depth > 5) return;
  seen.add(v);
  try {
    if (v instanceof Date) return void v.setTime(0);
    if (ArrayBuffer.isView(v)) return void (v as unknown as Float64Array).fill?.(7);
    if (v instanceof Map || v instanceof Set) {
      for (const x of v.values()) mutate(x, depth + 1, seen);
      return;
    }
    for (const k of Object.keys(v)) {
      mutate((v as Record<string, unknown>)[k], depth + 1, seen);
      try {
        (v as Record<string, unknown>)[k] = '§';
      } catch {
        // frozen: good
      }
    }
    if (Array.isArray(v)) {
      try {
        v.push('§');
      } catch {
        // frozen: good
      }
    }
  } catch {
    // a getter of the result threw; nothing to mutate there
  }
}

/** Dates passed as arguments or as direct properties of argument objects. */
function inputDates(args: unknown[]): Set<Date> {
  const out = new Set<Date>();
  for (const a of args) {
    try {
      if (a instanceof Date) out.add(a);
      else if (a !== null && typeof a === 'object' && !Array.isArray(a)) {
        for (const k of Object.getOwnPropertyNames(a)) {
          const d = Object.getOwnPropertyDescriptor(a, k);
          if (d && 'value' in d && d.value instanceof Date) out.add(d.value);
        }
      }
    } catch {
      // a hostile Proxy argument: it has no Dates to track
    }
  }
  return out;
}

function returnsInputDate(v: unknown, dates: Set<Date>, depth = 0, seen = new Set<unknown>()): boolean {
  if (typeof v !== 'object' || v === null || seen.has(v) || depth > 4) return false;
  seen.add(v);
  try {
    if (v instanceof Date) return dates.has(v);
    const items = Array.isArray(v) ? v : ArrayBuffer.isView(v) ? [] : Object.keys(v).map((k) => (v as Record<string, unknown>)[k]);
    return items.slice(0, 200).some((x) => returnsInputDate(x, dates, depth + 1, seen));
  } catch {
    return false;
  }
}

const isHostile = (s: Spec): boolean =>
  s.t === 'proxy' || (s.t === 'arr' && s.items.some(isHostile)) || (s.t === 'obj' && (s.throwing !== undefined || s.entries.some(([, v]) => isHostile(v))));
const describeError = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message.slice(0, 160)}` : `non-error ${typeof e}`);
const printable = (specs: readonly Spec[]): string => JSON.stringify(specs).slice(0, 600);

/** Runs one job; `onCall` is told before every call (the watchdog's heartbeat). */
export async function runJob(job: Job, onCall: (call: string) => void): Promise<string[]> {
  const m = await load();
  const { target } = job;
  const id = targetId(target);
  const call = callableOf(target, m.get(target.entry) as Record<string, unknown>);
  const arity = Math.min(4, Math.max(1, (m.get(target.entry)?.[target.name] as { length: number }).length ?? 1));
  const neverThrow = target.kind === 'function' && Object.hasOwn(NEVER_THROW, target.name);
  const breaches = new Map<string, string>();
  const breach = (kind: string, detail: string, specs: readonly Spec[]) => {
    if (!breaches.has(kind) && breaches.size < 5) breaches.set(kind, `${id}: ${kind}: ${detail}\n    args: ${printable(specs)}`);
  };
  for (const specs of fc.sample(argsArb(arity), { seed: job.seed, numRuns: job.runs })) {
    onCall(printable(specs));
    const args = specs.map(materialize);
    const started = performance.now();
    const first = await invoke(call, args);
    const ms = performance.now() - started;
    if (ms > SLOW_MS) breach('slow', `${Math.round(ms)} ms (budget ${SLOW_MS} ms)`, specs);
    if (!first.ok) {
      // The caller's own getter error may pass through, except out of a never-throwing validator
      // when only the input under validation (not the options) was hostile.
      const hostile = first.error instanceof HostileInputError;
      // Math semantics for the special functions: a BigInt argument is a TypeError, as in Math.log(1n).
      const mathBigInt = Object.hasOwn(MATH_DOMAIN, id) && first.error instanceof TypeError && specs.some((s) => s.t === 'bigint');
      const excused = mathBigInt || (hostile && !(neverThrow && !specs.some((s, i) => i !== NEVER_THROW[target.name] && isHostile(s))));
      if (!isCrmError(first.error) && !excused) breach(`threw ${(first.error as Error)?.name ?? 'non-error'}`, describeError(first.error), specs);
      continue;
    }
    if (!Object.hasOwn(MATH_DOMAIN, id) && specs.every(isFiniteSpec)) {
      const at = nonFinite(first.value);
      if (at !== undefined) breach('NaN or Invalid Date from finite input', at, specs);
    }
    // A function that hands back its own argument unchanged (a normaliser given a non-string) creates no alias.
    if (!args.includes(first.value) && returnsInputDate(first.value, inputDates(args))) breach("returns the caller's own Date", 'copy Dates at the boundary', specs);
    if (Object.hasOwn(NONDETERMINISTIC, id)) continue;
    const before = snapshot(first.value);
    mutate(first.value);
    onCall(printable(specs));
    const second = await invoke(call, specs.map(materialize));
    if (second.ok && snapshot(second.value) !== before) breach('result aliases library state', 'mutating a result changed the next call', specs);
  }
  return [...breaches.values()];
}

parentPort?.on('message', (job: Job | 'targets') => {
  if (job === 'targets') {
    void allTargets().then((t) => parentPort?.postMessage({ type: 'targets', targets: t }));
    return;
  }
  void runJob(job, (c) => parentPort?.postMessage({ type: 'call', call: c }))
    .then((breaches) => parentPort?.postMessage({ type: 'done', breaches }))
    .catch((e: unknown) => parentPort?.postMessage({ type: 'done', breaches: [`${targetId(job.target)}: the fuzz itself failed: ${describeError(e)}`] }));
});
