// Generates docs/errors.md, the error reference: every code in ERROR_CODES, what it means, which
// public functions throw it (from their TSDoc @throws tags in src/), and its en and zh-CN message
// with the parameters shown as {name}. `--check` fails when docs/errors.md is not current (CI).
// Reads the built package (dist/) for the codes and messages: run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { ERROR_CODES, errorMessage } = await import(pathToFileURL(join(root, 'dist/core/index.js')).href);

/** What each code means, for people deciding how to react. New codes need a line here. */
const MEANING = {
  VALIDATION_FAILED: 'Input failed schema or rule validation; every issue is in `details.issues`.',
  INVALID_ARGUMENT: 'An argument or option is out of its documented range or of the wrong type.',
  NOT_FOUND: 'The record asked for does not exist.',
  CONCURRENCY_CONFLICT: 'Someone saved a newer version first (optimistic concurrency); reload and retry.',
  DUPLICATE_ID: 'A record with this id already exists.',
  INVALID_TRANSITION: 'The lifecycle event is not allowed in the current stage.',
  INVALID_MONEY: 'An amount is not an exact decimal (or not a Money value).',
  INVALID_CURRENCY: 'Not an ISO 4217 currency code known to the runtime.',
  CURRENCY_MISMATCH: 'Amounts in different currencies were combined; crmkit never converts silently.',
  INVALID_DATE: 'A date is missing, invalid or outside years 0001-9999.',
  ABORTED: 'The operation was cancelled through its AbortSignal.',
  INVALID_RULE: 'A segment rule is malformed.',
  UNKNOWN_FIELD: 'A segment rule names a field that does not exist.',
  UNKNOWN_OPERATOR: 'A segment rule uses an operator that does not exist.',
  RULE_TOO_DEEP: 'A segment rule is nested deeper than allowed.',
  UNKNOWN_STAGE: 'A lifecycle stage that the definition does not have.',
  UNKNOWN_EVENT: 'A lifecycle event that the definition does not have.',
  INVALID_LIFECYCLE: 'A lifecycle definition is inconsistent.',
  INVALID_PIPELINE: 'A sales pipeline definition is inconsistent (stages, kinds, probabilities or names).',
  MODEL_NOT_CONVERGED: 'A model fit did not converge within its iteration limit.',
  INSUFFICIENT_DATA: 'Too little data to fit or evaluate the model.',
  INVALID_MODEL: 'A fitted model (or its serialised form) is not valid.',
  INVALID_SURVEY: 'A survey definition is invalid.',
  UNKNOWN_QUESTION: 'A response answers a question the survey does not have.',
  ANSWER_OUT_OF_SCALE: "An answer is outside its question's scale.",
  DUPLICATE_RESPONSE: 'The customer already answered this survey.',
  INVALID_PROGRAM: 'A loyalty programme definition is invalid.',
  INSUFFICIENT_POINTS: 'A redemption asks for more points than are available.',
  IDEMPOTENCY_CONFLICT: 'An idempotency key was reused for a different entry.',
  BALANCE_MISMATCH: 'A stored points balance disagrees with the ledger.',
  INVALID_MERGE: 'A customer merge or unmerge is not possible as asked.',
  LIKELY_DUPLICATE: 'A new record matches existing ones (duplicate check at entry) and the policy says block; their ids are in `details.candidates`.',
  FORBIDDEN: 'The role may not perform this action on this record.',
  FORBIDDEN_FIELD: 'The role may not read or write this field.',
  DECRYPTION_FAILED: 'An encrypted value could not be decrypted (wrong key or tampered).',
};

/** Public functions and methods whose TSDoc @throws names each code. */
function throwers() {
  const files = execFileSync('git', ['ls-files', 'src'], { cwd: root, encoding: 'utf8' }).trim().split('\n').filter((f) => f.endsWith('.ts') && !f.startsWith('src/testing/'));
  const by = new Map(ERROR_CODES.map((c) => [c, new Set()]));
  for (const f of files) {
    const text = readFileSync(join(root, f), 'utf8');
    let cls;
    for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*\n([^\n]*)/g)) {
      const [, doc, decl] = m;
      const c = /^export (?:abstract )?(?:class|interface) (\w+)/.exec(decl);
      if (c) cls = c[1];
      const name =
        /^export (?:async )?function\*? (\w+)/.exec(decl)?.[1] ??
        (cls && /^\s+(?:static |async |get )*(\w+)\s*[(<]/.exec(decl)?.[1] ? `${cls}.${/^\s+(?:static |async |get )*(\w+)/.exec(decl)[1]}` : undefined) ??
        /^export const (\w+)/.exec(decl)?.[1];
      // Internal helpers (the argument guards) are not part of the API the reference documents.
      if (!name || name.endsWith('.constructor') || /@internal/.test(doc)) continue;
      const throwsText = [...doc.matchAll(/@throws([\s\S]*?)(?=\n\s*\*\s*@|$)/g)].map((t) => t[1]).join(' ');
      for (const code of throwsText.match(/\b[A-Z][A-Z_]{3,}\b/g) ?? []) by.get(code)?.add(name);
    }
  }
  return by;
}

const placeholders = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `{${key}}` : undefined) });
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function render() {
  const by = throwers();
  const lines = [
    '# Error reference',
    '',
    '<!-- Generated by scripts/gen-errors.mjs from src/core/errors/codes.ts, src/core/locales and the',
    '     @throws tags in src/. Do not edit: run `npm run build && npm run errors:doc`. -->',
    '',
    'Every error crmkit throws is a `CrmError` with one of these stable `code`s (branch on the code,',
    'never on the message; `isCrmError(e, code)` works across the ESM and CommonJS builds). Messages',
    'name fields and rules, never personal values; `{name}` marks a parameter, found in `e.params`.',
    'Other locales can be added with `registerLocale`; missing messages fall back to English.',
    '',
    '| code | meaning | thrown by | en | zh-CN |',
    '|---|---|---|---|---|',
  ];
  for (const code of ERROR_CODES) {
    const fns = [...by.get(code)].sort();
    const thrown = fns.length === 0 ? '(none documented)' : fns.map((n) => `\`${n}\``).join(', ');
    lines.push(
      `| \`${code}\` | ${cell(MEANING[code] ?? '(meaning not written yet: add it to scripts/gen-errors.mjs)')} | ${cell(thrown)} | ${cell(errorMessage(code, placeholders, 'en'))} | ${cell(errorMessage(code, placeholders, 'zh-CN'))} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const out = join(root, 'docs/errors.md');
const text = render();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // No file yet: it is out of date.
  }
  if (current !== text) {
    console.error('docs/errors.md is out of date: run `npm run build && npm run errors:doc`');
    process.exit(1);
  }
  const missing = ERROR_CODES.filter((c) => !MEANING[c]);
  if (missing.length > 0) {
    console.error(`codes without a meaning in scripts/gen-errors.mjs: ${missing.join(', ')}`);
    process.exit(1);
  }
  console.log(`docs/errors.md is current (${ERROR_CODES.length} codes)`);
} else {
  writeFileSync(out, text);
  console.log(`wrote docs/errors.md (${ERROR_CODES.length} codes)`);
}
