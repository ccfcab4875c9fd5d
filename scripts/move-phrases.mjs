// Keeps every zh-CN rule phrase in the table of the area that throws it, so a bundle carries only the
// phrases of the areas it uses (the size budgets in scripts/check-size.mjs depend on it).
//
// The tables: src/core/locales/zh-CN.words.ts (the kernel's) and src/<area>/locales/zh-CN.words.ts.
// An area's errors module, src/<area>/errors.ts, registers its table and hands the area the kernel's
// CrmError, assert, errorMessage and localizeWord; a bundler keeps the table exactly when the area's
// code uses one of them.
//
// What the script does, on every run (it is idempotent: a second run changes nothing):
//   1. Finds which areas use each phrase: a string or template literal anywhere in src/<area>/ (tables
//      excepted) that resolves to the phrase the way `translateWords` resolves it at run time.
//   2. Puts each phrase in its tables: the kernel's when kernel code uses it (every area loads that
//      table), otherwise the table of each area that uses it (a phrase two areas share is in both, so
//      that neither area's bundles carry the other's phrases). A phrase no literal uses stays where
//      it is, and is listed. Copies take the kernel's translation, else the first table's; differing
//      translations of one phrase are reported as CONFLICT. Entries are removed line by line and
//      appended at the end of their new tables, so comments and order elsewhere stay as they are.
//   3. Creates a missing src/<area>/locales/zh-CN.words.ts and src/<area>/errors.ts.
//   4. In every area with a table, rewrites value imports of CrmError, assert, errorMessage and
//      localizeWord from src/core to the area's errors module.
//
// Use it after merging branches that added phrases to the kernel table the old way:
//   node scripts/move-phrases.mjs           # move and rewrite, print what changed
//   node scripts/move-phrases.mjs --check   # change nothing; exit 1 if a run would change something
// test/core/locales.test.ts checks the result (and names the table a missing phrase belongs in).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(root, 'src');
const KERNEL = 'core';
const TABLE = 'locales/zh-CN.words.ts';
const ERRORS = 'errors.ts';
/** What an area's errors module hands the area (see `newErrors`). */
const WRAPPED = new Set(['CrmError', 'assert', 'errorMessage', 'localizeWord']);
/** Core modules that export one of WRAPPED (an import of it from elsewhere is left alone). */
const CORE_EXPORTERS = new Set(['', 'index', 'errors', 'errors/index', 'errors/CrmError', 'errors/assert', 'locales', 'locales/index']);

const posix = (p) => p.split(sep).join('/');
const tablePath = (area) => join(SRC, area, TABLE);
const areaOf = (file) => {
  const [area, ...rest] = posix(relative(SRC, file)).split('/');
  return rest.length === 0 ? KERNEL : area;
};

function sourceFiles(dir = SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const parse = (file, text) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** The entries of a phrase table: key, translation and the character range of its line(s). */
export function readTable(file) {
  const text = readFileSync(file, 'utf8');
  const sf = parse(file, text);
  let object;
  sf.forEachChild(function visit(node) {
    if (object === undefined && ts.isVariableDeclaration(node) && node.name.getText(sf) === 'zhCNWords' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      object = node.initializer;
    }
    if (object === undefined) node.forEachChild(visit);
  });
  if (object === undefined) throw new Error(`${posix(relative(root, file))}: no \`zhCNWords\` object literal`);
  const entries = object.properties.map((p) => {
    if (!ts.isPropertyAssignment(p) || !ts.isStringLiteral(p.initializer) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
      throw new Error(`${posix(relative(root, file))}: only 'english': 'chinese' entries are supported, found ${p.getText(sf)}`);
    }
    // The whole lines the entry stands on, trailing comma and newline included.
    const start = text.lastIndexOf('\n', p.getStart(sf)) + 1;
    const newline = text.indexOf('\n', p.getEnd());
    return { key: p.name.text, value: p.initializer.text, start, end: newline === -1 ? text.length : newline + 1 };
  });
  return { file, text, entries, close: object.getEnd() - 1 };
}

/** Compiles a table's `{name}` keys into patterns, as `translateWords` does. */
function templates(keys) {
  return keys
    .filter((k) => k.includes('{'))
    .map((key) => {
      let fixed = 0;
      const source = key
        .split(/(\{\w+\})/)
        .map((part) => {
          if (/^\{\w+\}$/.test(part)) return '(.+?)';
          fixed += part.length;
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { key, pattern: new RegExp(`^${source}$`, 's'), fixed };
    });
}

/** The key `text` resolves to among `keys` (exact first, then the most specific template), if any. */
export function resolver(keys) {
  const exact = new Set(keys);
  const patterns = templates(keys);
  return (text) => {
    if (exact.has(text)) return text;
    let best;
    for (const t of patterns) if ((best === undefined || t.fixed > best.fixed) && t.pattern.test(text)) best = t;
    return best?.key;
  };
}

/** Every string and template literal in a file; a template's `${...}` parts read as `x1`. */
export function literalsOf(sf) {
  const out = [];
  sf.forEachChild(function visit(node) {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push(node.head.text + node.templateSpans.map((s) => `x1${s.literal.text}`).join(''));
    node.forEachChild(visit);
  });
  return out;
}

function isTable(file) {
  return posix(relative(SRC, file)).endsWith(`/${TABLE}`);
}

/** Which areas use each key, over every src file but the tables. */
function usersOf(keys, files) {
  const resolve = resolver(keys);
  const users = new Map(keys.map((k) => [k, new Set()]));
  for (const f of files) {
    if (isTable(f)) continue;
    const area = areaOf(f);
    for (const literal of literalsOf(parse(f, readFileSync(f, 'utf8')))) {
      const key = resolve(literal);
      if (key !== undefined) users.get(key).add(area);
    }
  }
  return users;
}

const quote = (s) => (s.includes("'") && !s.includes('"') ? JSON.stringify(s) : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const entryLine = (key, value) => `  ${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${quote(value)},\n`;

const newTable = (area) => `/**
 * 简体中文 for the English words and rule phrases that ${area} code puts into message parameters
 * (\`rule\`, \`entity\`, ...), keyed by the English text; \`{x}\` matches any text (see
 * \`translateWords\`). Registered by src/${area}/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
};
`;

const newErrors = (area) => `import { assert as kernelAssert } from '../core/errors/assert';
import { CrmError as KernelCrmError } from '../core/errors/CrmError';
import { errorMessage as kernelErrorMessage, localizeWord as kernelLocalizeWord } from '../core/locales';
import { withPhrases } from '../core/locales/phrases';
import { zhCNWords } from './locales/zh-CN.words';

// The kernel's CrmError, assert, errorMessage and localizeWord, carrying the ${area} area's zh-CN rule
// phrases: ${area} imports them from here, so a bundle holds these phrases exactly when it holds
// ${area} code that can throw or translate them. Generated by scripts/move-phrases.mjs.

/** @internal */
export const CrmError = /* @__PURE__ */ withPhrases(KernelCrmError, zhCNWords);
/** @internal */
export type CrmError = KernelCrmError;
/** @internal */
export const assert: typeof kernelAssert = /* @__PURE__ */ withPhrases(kernelAssert, zhCNWords);
/** @internal */
export const errorMessage = /* @__PURE__ */ withPhrases(kernelErrorMessage, zhCNWords);
/** @internal */
export const localizeWord = /* @__PURE__ */ withPhrases(kernelLocalizeWord, zhCNWords);
`;

/** Rewrites imports of WRAPPED names from src/core to the area's errors module; returns the new text or undefined. */
export function rewriteImports(file, text) {
  const area = areaOf(file);
  const errorsModule = join(SRC, area, 'errors');
  if (area === KERNEL || resolve(file) === resolve(`${errorsModule}.ts`)) return undefined;
  let spec = posix(relative(dirname(file), errorsModule));
  if (!spec.startsWith('.')) spec = `./${spec}`;
  const sf = parse(file, text);
  const edits = [];
  const moved = [];
  let existing;
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const from = stmt.moduleSpecifier.text;
    const clause = stmt.importClause;
    if (resolve(dirname(file), from) === errorsModule && clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && !clause.isTypeOnly) existing = stmt;
    if (!from.startsWith('.') || clause === undefined || clause.isTypeOnly || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
    const target = posix(relative(join(SRC, KERNEL), resolve(dirname(file), from)));
    if (!CORE_EXPORTERS.has(target)) continue;
    const elements = clause.namedBindings.elements;
    const take = elements.filter((e) => !e.isTypeOnly && WRAPPED.has((e.propertyName ?? e.name).text));
    if (take.length === 0) continue;
    moved.push(...take.map((e) => e.getText(sf)));
    const keep = elements.filter((e) => !take.includes(e)).map((e) => e.getText(sf));
    const start = stmt.getStart(sf);
    if (keep.length === 0) {
      // Drop the whole line.
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const newline = text.indexOf('\n', stmt.getEnd());
      edits.push({ start: lineStart, end: newline === -1 ? text.length : newline + 1, text: '', at: lineStart });
    } else {
      edits.push({ start, end: stmt.getEnd(), text: `import { ${keep.join(', ')} } from '${from}';`, at: start });
    }
  }
  if (moved.length === 0) return undefined;
  if (existing !== undefined) {
    const names = [...existing.importClause.namedBindings.elements.map((e) => e.getText(sf)), ...moved];
    edits.push({ start: existing.getStart(sf), end: existing.getEnd(), text: `import { ${[...new Set(names)].join(', ')} } from '${existing.moduleSpecifier.text}';` });
  } else {
    // Where the first moved import stood.
    const at = Math.min(...edits.map((e) => e.at));
    edits.push({ start: at, end: at, text: `import { ${[...new Set(moved)].join(', ')} } from '${spec}';\n` });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * The tables a phrase belongs in, given the areas whose literals use it: the kernel's when kernel code
 * uses it (every area loads that table), else the table of each area that uses it, so that no bundle
 * carries a phrase of an area it does not contain. A phrase nothing uses stays where it is.
 */
function tablesFor(used, held) {
  if (used.length === 0) return held.map((h) => h.area);
  return used.includes(KERNEL) ? [KERNEL] : [...used].sort();
}

/** Plans and (unless `check`) applies the moves; returns what changed and the phrases no literal uses. */
export function movePhrases({ check = false } = {}) {
  const files = sourceFiles();
  const areas = [...new Set(files.map(areaOf))].sort();
  const tables = new Map();
  for (const area of areas) if (existsSync(tablePath(area))) tables.set(area, readTable(tablePath(area)));
  const holders = new Map();
  for (const [area, table] of [...tables].sort(([a], [b]) => (a === KERNEL ? -1 : b === KERNEL ? 1 : a.localeCompare(b)))) {
    for (const e of table.entries) holders.set(e.key, [...(holders.get(e.key) ?? []), { area, ...e }]);
  }
  const users = usersOf([...holders.keys()], files);

  const changes = [];
  const unused = [];
  const removals = new Map();
  const additions = new Map();
  for (const [key, held] of holders) {
    const used = [...users.get(key)];
    if (used.length === 0) unused.push(`${key} (${held.map((h) => h.area).join(', ')})`);
    const targets = tablesFor(used, held);
    const from = held[0]; // the kernel's entry when there is one: its translation is the one copied
    for (const h of held.slice(1)) {
      if (h.value !== from.value) changes.push(`CONFLICT ${JSON.stringify(key)}: ${h.area} says ${JSON.stringify(h.value)}, ${from.area} ${JSON.stringify(from.value)}; new copies take ${from.area}'s`);
    }
    for (const h of held) if (!targets.includes(h.area)) removals.set(h.area, [...(removals.get(h.area) ?? []), h]);
    for (const t of targets) if (!held.some((h) => h.area === t)) additions.set(t, [...(additions.get(t) ?? []), entryLine(key, from.value)]);
    const now = held.map((h) => h.area).join(', ');
    if (now !== targets.join(', ')) changes.push(`moved ${JSON.stringify(key)}: ${now} -> ${targets.join(', ')}`);
  }

  const writes = new Map();
  for (const area of new Set([...removals.keys(), ...additions.keys()])) {
    const file = tablePath(area);
    let text = tables.get(area)?.text ?? newTable(area);
    const close = tables.get(area)?.close ?? text.lastIndexOf('}');
    const edits = (removals.get(area) ?? []).map((e) => ({ start: e.start, end: e.end, text: '' }));
    edits.push({ start: close, end: close, text: (additions.get(area) ?? []).join('') });
    for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    writes.set(file, text);
    if (!tables.has(area)) changes.push(`created ${posix(relative(root, file))}`);
  }
  const withTable = new Set([...tables.keys(), ...additions.keys()]);
  withTable.delete(KERNEL);
  for (const area of withTable) {
    const file = join(SRC, area, ERRORS);
    if (!existsSync(file)) {
      writes.set(file, newErrors(area));
      changes.push(`created ${posix(relative(root, file))}`);
    }
  }
  for (const f of files) {
    if (!withTable.has(areaOf(f)) || isTable(f)) continue;
    const out = rewriteImports(f, readFileSync(f, 'utf8'));
    if (out !== undefined) {
      writes.set(f, out);
      changes.push(`imports ${[...WRAPPED].join('/')} from the area's errors module: ${posix(relative(root, f))}`);
    }
  }
  if (!check) {
    for (const [file, text] of writes) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return { changes, unused };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const { changes, unused } = movePhrases({ check });
  for (const c of changes) console.log(c);
  // Left where they are: built at run time from data, or dead. Listed so a person can decide.
  if (unused.length > 0) console.log(`no literal in src/ uses ${unused.length} phrase(s), left in place: ${unused.join('; ')}`);
  const moved = changes.filter((c) => !c.startsWith('CONFLICT')).length;
  if (check && moved > 0) {
    console.error(`${moved} change(s) needed: run node scripts/move-phrases.mjs`);
    process.exit(1);
  }
  console.log(moved === 0 ? 'phrases and imports are where they belong' : `${moved} change(s) ${check ? 'needed' : 'made'}`);
}
