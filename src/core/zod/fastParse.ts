import type { z } from 'zod';

/**
 * A fast path for zod parsing of plain, valid data. zod stays the source of truth: this module reads
 * a schema's definition and compiles a closure tree that either proves the input valid (returning
 * exactly what zod's `safeParse` would output) or gives up. Giving up is always safe: the caller then
 * asks zod itself, which also produces the issues. Only the schema kinds the customer model uses are
 * compiled (objects, strings, numbers, booleans, enums, literals, arrays, optional, nullable,
 * default, unions, records, dates); every other kind, and every unusual input (class instances,
 * `__proto__` or symbol keys, strings for dates), gives up. Checks and refinements are zod's own
 * check functions, called as zod calls them.
 *
 * test/core/fastParse.test.ts compares it with `safeParse` on valid and mutated customers.
 *
 * @internal
 */
/** zod is certain to reject the value (so a union may try its next option). */
const FAIL: unique symbol = /* @__PURE__ */ Symbol('fail');
/** The fast path cannot tell; zod must decide. */
const UNSURE: unique symbol = /* @__PURE__ */ Symbol('unsure');
type Run = (value: unknown) => unknown;
const failed = (v: unknown): v is typeof FAIL | typeof UNSURE => v === FAIL || v === UNSURE;

interface Compiled {
  readonly run: Run;
}

interface CheckDef {
  readonly check: string;
  readonly when?: (p: unknown) => boolean;
  readonly maximum?: number;
  readonly minimum?: number;
  readonly format?: string;
  readonly pattern?: RegExp;
}

interface ZodCheckLike {
  readonly _zod: { readonly def: CheckDef; readonly check: (p: unknown) => unknown };
}

interface Def {
  readonly type: string;
  readonly checks?: readonly ZodCheckLike[];
  readonly coerce?: boolean;
  readonly format?: string;
  readonly [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const GIVE_UP: Compiled = { run: () => UNSURE };

// One payload reused for every check call; checks run synchronously and never re-enter.
const payload: { value: unknown; issues: unknown[] } = { value: undefined, issues: [] };

/** Runs one of zod's checks the way zod does; FAIL when it reports an issue. */
function zodCheck(ch: ZodCheckLike, value: unknown): unknown {
  payload.value = value;
  if (payload.issues.length > 0) payload.issues = [];
  const when = ch._zod.def.when;
  if (when && !when(payload)) return value;
  if (ch._zod.check(payload) instanceof Promise) return UNSURE;
  return payload.issues.length > 0 ? FAIL : value;
}

/**
 * A check as a closure. Length and pattern checks on strings are answered inline when the answer is
 * plain (zod counts code points, so a string near a limit goes to zod's own check); the rest call zod.
 */
function compileCheck(ch: ZodCheckLike): (value: unknown) => unknown {
  const def = ch._zod.def;
  if (def.check === 'max_length' && def.maximum !== undefined) {
    const max = def.maximum;
    return (v) => (typeof v === 'string' && v.length <= max ? v : zodCheck(ch, v));
  }
  if (def.check === 'min_length' && def.minimum !== undefined) {
    const min = def.minimum;
    return (v) => (typeof v === 'string' && v.length >= 2 * min ? v : zodCheck(ch, v));
  }
  if (def.check === 'string_format' && def.format === 'regex' && def.pattern) {
    const pattern = def.pattern;
    // lastIndex only matters to global and sticky patterns (zod resets it for the same reason).
    if (!pattern.global && !pattern.sticky) return (v) => (typeof v === 'string' && pattern.test(v) ? v : zodCheck(ch, v));
    return (v) => {
      pattern.lastIndex = 0;
      return typeof v === 'string' && pattern.test(v) ? v : zodCheck(ch, v);
    };
  }
  return (v) => zodCheck(ch, v);
}

function withChecks(inner: Compiled, checks: readonly ZodCheckLike[] | undefined): Compiled {
  if (!checks || checks.length === 0) return inner;
  const fns = checks.map(compileCheck);
  const [first, second] = fns as [(v: unknown) => unknown, ((v: unknown) => unknown) | undefined];
  // One or two checks (the usual `.max(n)`, `.max(n).regex(r)`) without a loop.
  if (fns.length <= 2) {
    const run: Run = (value) => {
      const out = inner.run(value);
      if (out === FAIL || out === UNSURE) return out;
      const r = first(out);
      if (r === FAIL || r === UNSURE || second === undefined) return r;
      return second(out);
    };
    return { run };
  }
  const run: Run = (value) => {
    const out = inner.run(value);
    if (failed(out)) return out;
    for (const fn of fns) {
      const r = fn(out);
      if (failed(r)) return r;
    }
    return out;
  };
  return { run };
}

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const hasOddKeys = (v: object): boolean => Object.hasOwn(v, '__proto__') || Object.getOwnPropertySymbols(v).length > 0;

/**
 * An object's fields are read and written by name in generated code (as zod's own JIT does), so
 * each property access stays monomorphic; where code generation is not allowed (a strict CSP), the
 * same steps run as a loop.
 */
function compileObject(def: Def): Compiled {
  const shape = def.shape as Record<string, unknown>;
  const fields = Object.keys(shape).map((key) => ({ key, c: compile(shape[key]), optional: defOf(shape[key]).type === 'optional' }));
  if (fields.some((f) => f.c === GIVE_UP)) return GIVE_UP;
  const catchall = def.catchall === undefined ? 'strip' : defOf(def.catchall).type === 'never' ? 'strict' : 'other';
  if (catchall === 'other') return GIVE_UP;
  const strict = catchall === 'strict';
  // Only shape keys are copied, so own `__proto__` and symbol keys are dropped exactly as zod drops
  // them; in a strict object an own `__proto__` is counted as an unknown key.
  const notPlain = (input: unknown) => (typeof input === 'object' && input !== null && !Array.isArray(input) ? UNSURE : FAIL);
  const generated = codegen ? generateObjectRun(fields, strict, notPlain) : undefined;
  if (generated) return { run: generated };
  const run: Run = (input) => {
    if (!isPlain(input)) return notPlain(input);
    const out: Record<string, unknown> = {};
    let known = 0;
    for (const f of fields) {
      const present = Object.hasOwn(input, f.key);
      if (present) known++;
      else if (f.optional) continue;
      const v = f.c.run(input[f.key]);
      if (failed(v)) return v;
      out[f.key] = v;
    }
    if (strict && Object.keys(input).length !== known) return UNSURE;
    return out;
  };
  return { run };
}

function generateObjectRun(
  fields: readonly { key: string; c: Compiled; optional: boolean }[],
  strict: boolean,
  notPlain: (input: unknown) => unknown,
): Run | undefined {
  const lines = ['if (!isPlain(input)) return notPlain(input);', 'const out = {}; let known = 0; let v;'];
  fields.forEach((f, i) => {
    const k = JSON.stringify(f.key);
    const take = `v = run${i}(input[${k}]); if (v === FAIL || v === UNSURE) return v; out[${k}] = v;`;
    lines.push(`if (hasOwn(input, ${k})) { known++; ${take} }${f.optional ? '' : ` else { ${take} }`}`);
  });
  if (strict) lines.push('if (Object.keys(input).length !== known) return UNSURE;');
  lines.push('return out;');
  const names = ['isPlain', 'notPlain', 'hasOwn', 'FAIL', 'UNSURE', ...fields.map((_, i) => `run${i}`)];
  try {
    const factory = new Function(...names, `return function fastObject(input) { ${lines.join('\n')} };`) as (...args: unknown[]) => Run;
    return factory(isPlain, notPlain, Object.hasOwn, FAIL, UNSURE, ...fields.map((f) => f.c.run));
  } catch {
    return undefined;
  }
}

function compileRecord(def: Def): Compiled {
  const keyDef = defOf(def.keyType);
  const values = (def.keyType as { _zod: { values?: Set<unknown> } })._zod.values;
  if (def.mode === 'loose' || (values && !def.partial)) return GIVE_UP;
  const key = compile(def.keyType);
  const value = compile(def.valueType);
  if (key === GIVE_UP || value === GIVE_UP || (keyDef.type !== 'string' && keyDef.type !== 'enum')) return GIVE_UP;
  const run: Run = (input) => {
    if (!isPlain(input) || hasOddKeys(input)) return UNSURE;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(input)) {
      // A failing key may still pass as a number in zod (its numeric-key retry): leave it to zod.
      if (failed(key.run(k))) return UNSURE;
      const v = value.run(input[k]);
      if (failed(v)) return v;
      out[k] = v;
    }
    return out;
  };
  return { run };
}

function compileUnion(def: Def): Compiled {
  const options = (def.options as unknown[]).map(compile);
  const discriminator = def.discriminator as string | undefined;
  if (discriminator !== undefined) {
    const byTag = new Map<unknown, Compiled>();
    (def.options as unknown[]).forEach((o, i) => {
      const tag = (defOf(o).shape as Record<string, unknown> | undefined)?.[discriminator];
      const values = tag === undefined ? [] : ((defOf(tag).values as unknown[] | undefined) ?? []);
      for (const v of values) byTag.set(v, options[i] as Compiled);
    });
    if (byTag.size === 0 || def.unionFallback) return GIVE_UP;
    return { run: (input) => (isPlain(input) ? (byTag.get(input[discriminator])?.run(input) ?? UNSURE) : UNSURE) };
  }
  // zod returns the first option that passes; a FAIL is certain, so the next option may be tried.
  const run: Run = (input) => {
    for (const o of options) {
      const v = o.run(input);
      if (v !== FAIL) return v;
    }
    return FAIL;
  };
  return { run };
}

/** A new copy of the default each time, as zod's getter gives; the empty `[]` and `{}` made directly. */
function freshDefault(def: Def): () => unknown {
  const sample = def.defaultValue;
  if (Array.isArray(sample) && sample.length === 0) return () => [];
  if (isPlain(sample) && Object.getPrototypeOf(sample) === Object.prototype && Object.keys(sample).length === 0) return () => ({});
  return () => def.defaultValue;
}

function compileKind(def: Def): Compiled {
  switch (def.type) {
    case 'string':
      return def.coerce || def.format ? GIVE_UP : { run: (v) => (typeof v === 'string' ? v : FAIL) };
    case 'number':
      return def.coerce || def.format ? GIVE_UP : { run: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL) };
    case 'boolean':
      return def.coerce ? GIVE_UP : { run: (v) => (typeof v === 'boolean' ? v : FAIL) };
    case 'null':
      return { run: (v) => (v === null ? v : FAIL) };
    case 'date':
      return def.coerce ? GIVE_UP : { run: (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v : FAIL) };
    case 'enum': {
      const allowed = new Set(Object.values(def.entries as Record<string, unknown>));
      return { run: (v) => (allowed.has(v) ? v : FAIL) };
    }
    case 'literal': {
      const allowed = new Set(def.values as unknown[]);
      return { run: (v) => (allowed.has(v) ? v : FAIL) };
    }
    case 'optional':
    case 'nullable': {
      const inner = compile(def.innerType);
      const empty = def.type === 'optional' ? undefined : null;
      return inner === GIVE_UP ? GIVE_UP : { run: (v) => (v === empty ? v : inner.run(v)) };
    }
    case 'default': {
      const inner = compile(def.innerType);
      if (inner === GIVE_UP) return GIVE_UP;
      // zod substitutes the default without parsing it; `defaultValue` is a getter that copies.
      const fresh = freshDefault(def);
      return { run: (v) => (v === undefined ? fresh() : inner.run(v)) };
    }
    case 'array': {
      const element = compile(def.element);
      if (element === GIVE_UP) return GIVE_UP;
      const run: Run = (input) => {
        if (!Array.isArray(input)) return FAIL;
        const out = new Array<unknown>(input.length);
        for (let i = 0; i < input.length; i++) {
          const v = element.run(input[i]);
          if (failed(v)) return v;
          out[i] = v;
        }
        return out;
      };
      return { run };
    }
    case 'object':
      return compileObject(def);
    case 'record':
      return compileRecord(def);
    case 'union':
      // `inclusive: false` without a discriminator is z.xor (exactly one option may match).
      return def.inclusive === false && def.discriminator === undefined ? GIVE_UP : compileUnion(def);
    default:
      return GIVE_UP;
  }
}

const caches = new Map<boolean, WeakMap<object, Compiled>>([
  [true, new WeakMap()],
  [false, new WeakMap()],
]);
/** The mode of the compilation in progress (compiling is synchronous). */
let codegen = true;

function compile(schema: unknown): Compiled {
  const cache = caches.get(codegen) as WeakMap<object, Compiled>;
  const hit = cache.get(schema as object);
  if (hit) return hit;
  const def = defOf(schema);
  const kind = compileKind(def);
  const compiled = kind === GIVE_UP ? GIVE_UP : withChecks(kind, def.checks);
  cache.set(schema as object, compiled);
  return compiled;
}

/**
 * Compiles a zod schema into a function that returns `{ value }` (exactly zod's output) when it can
 * prove the input valid, and `undefined` when zod must decide. `codegen: false` compiles objects to
 * loops instead of generated functions (what happens anyway where `new Function` is forbidden).
 *
 * @internal
 */
export function compileFastParse<S extends z.ZodType>(
  schema: S,
  options: { readonly codegen?: boolean } = {},
): (input: unknown) => { value: z.output<S> } | undefined {
  codegen = options.codegen ?? true;
  const compiled = compile(schema);
  return (input) => {
    const value = compiled.run(input);
    return failed(value) ? undefined : { value: value as z.output<S> };
  };
}

/**
 * {@link compileFastParse}, compiled on the first call instead of where it is declared, so a module
 * that keeps a fast path at top level costs nothing at import (nor builds its lazy schema).
 *
 * @internal
 */
export function lazyFastParse<S extends z.ZodType>(schema: S): (input: unknown) => { value: z.output<S> } | undefined {
  let fast: ((input: unknown) => { value: z.output<S> } | undefined) | undefined;
  return (input) => (fast ??= compileFastParse(schema))(input);
}
