// Turns the @example blocks of src/**/*.ts into runnable checks: each `//=> value` line asserts
// that the statement just above it evaluates to `value` (deep equality).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocExample {
  /** `src/core/money/Money.ts:42` */
  readonly where: string;
  /** The area (first folder under src), used to pick which exports are in scope. */
  readonly area: string;
  /** The body of an async function: statements with checks. */
  readonly body: string;
  readonly checks: number;
}

function* tsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** Splits code lines into statements: a statement ends on a line ending with `;` (outside braces). */
function statements(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let depth = 0;
  for (const line of lines) {
    current.push(line);
    // Strings and a trailing comment do not count: `foo(); // note` ends a statement.
    const code = line.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '').replace(/\/\/.*$/, '');
    for (const ch of code) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
    }
    if (depth === 0 && /;\s*$/.test(code)) {
      out.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

/**
 * Turns example code into the body of an async function taking `__check`: each `//=> value` line
 * checks the statement above it. Import lines are dropped (the caller provides the names).
 */
export function compile(code: readonly string[]): { body: string; checks: number } {
  const body: string[] = [];
  let pending: string[] = [];
  let checks = 0;
  let i = 0;
  while (i < code.length) {
    const line = code[i] as string;
    const result = /^\s*\/\/=>\s?(.*)$/.exec(line);
    if (!result) {
      if (!/^\s*import\s/.test(line)) pending.push(line);
      i++;
      continue;
    }
    // Multi-line expected values continue on following `//` lines.
    let expected = result[1] as string;
    while (i + 1 < code.length && /^\s*\/\/(?!=>)\s?/.test(code[i + 1] as string)) expected += `\n${(code[++i] as string).replace(/^\s*\/\/\s?/, '')}`;
    const stmts = statements(pending);
    const last = (stmts.pop() ?? '').trim().replace(/;\s*\/\/[^\n]*$/, ';').replace(/;\s*$/, '');
    body.push(...stmts, `__check(${JSON.stringify(last)}, await (async () => (${last}))(), ${expected === '' ? 'undefined' : `(${expected})`});`);
    checks++;
    pending = [];
    i++;
  }
  body.push(...pending);
  return { body: body.join('\n'), checks };
}

/** Every @example block under `srcDir`. */
export function extractExamples(srcDir: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const file of tsFiles(srcDir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example/.test(lines[i] as string)) continue;
      let j = i + 1;
      while (j < lines.length && !/^\s*\*\s*```ts/.test(lines[j] as string)) j++;
      const start = j + 1;
      let end = start;
      while (end < lines.length && !/^\s*\*\s*```\s*$/.test(lines[end] as string)) end++;
      const code = lines.slice(start, end).map((l) => l.replace(/^\s*\* ?/, ''));
      const rel = relative(join(srcDir, '..'), file);
      const area = relative(srcDir, file).split(/[\\/]/)[0] as string;
      examples.push({ where: `${rel}:${i + 1}`, area: area.endsWith('.ts') ? 'index' : area, ...compile(code) });
      i = end;
    }
  }
  return examples;
}
