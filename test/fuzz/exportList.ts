// Every function, class constructor, static method and instance method exported from every entry of
// package.json `exports`, read at run time, so an export added later (a new area included) is fuzzed
// without anyone listing it. Used by the test (to name one test per export) and by the worker.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One callable export: `name` from `entry`, or its `member` for classes. */
export interface Target {
  readonly entry: string;
  readonly name: string;
  readonly kind: 'function' | 'constructor' | 'static' | 'method';
  readonly member?: string;
}

export const targetId = (t: Target): string => (t.member === undefined ? (t.kind === 'constructor' ? `new ${t.name}` : t.name) : `${t.name}${t.kind === 'static' ? '.' : '#'}${t.member}`);

/** The entries of package.json `exports` (subpaths first, the root `.` last), as source paths. */
export function entries(): { entry: string; source: string }[] {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { exports: Record<string, unknown> };
  const keys = Object.keys(pkg.exports).filter((k) => k !== './package.json');
  keys.sort((a, b) => (a === '.' ? 1 : b === '.' ? -1 : 0));
  return keys.map((entry) => ({ entry, source: entry === '.' ? 'src/index.ts' : `src/${entry.slice(2)}/index.ts` }));
}

const isClass = (f: unknown): boolean => typeof f === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(f));

/** The callable targets of loaded entry modules, each function once (the first entry that exports it). */
export function targetsOf(modules: readonly { entry: string; module: Record<string, unknown> }[]): Target[] {
  const seen = new Set<unknown>();
  const out: Target[] = [];
  for (const { entry, module } of modules) {
    for (const name of Object.keys(module).sort()) {
      const value = module[name];
      if (typeof value !== 'function' || seen.has(value)) continue;
      seen.add(value);
      if (!isClass(value)) {
        out.push({ entry, name, kind: 'function' });
        continue;
      }
      out.push({ entry, name, kind: 'constructor' });
      for (const member of Object.getOwnPropertyNames(value).sort()) {
        if (['length', 'name', 'prototype'].includes(member)) continue;
        if (typeof Object.getOwnPropertyDescriptor(value, member)?.value === 'function') out.push({ entry, name, kind: 'static', member });
      }
      const proto = (value as { prototype: object }).prototype;
      for (const member of Object.getOwnPropertyNames(proto).sort()) {
        if (member === 'constructor') continue;
        if (typeof Object.getOwnPropertyDescriptor(proto, member)?.value === 'function') out.push({ entry, name, kind: 'method', member });
      }
    }
  }
  return out;
}
