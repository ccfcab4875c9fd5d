// Docs that run. Convention for README.md and docs/**/*.md (docs/api excluded):
//
//   Every ```ts block runs as-is. A block is a self-contained program: it imports what it uses from
//   'crmkit' or 'crmkit/<area>' (and node:*, zod), defines its own data, and may use top-level await.
//   A line `//=> value` asserts that the statement just above it evaluates to `value` (deep
//   equality, as in the TSDoc examples). Blocks are type-checked with the repo's tsconfig (strict)
//   and then executed. Code that should not run belongs in a ```js, ```sh or ```text block.
//   Test data a guide needs comes from 'crmkit/...' itself or is written inline; a block may read
//   test/fixtures/* through node:fs (paths relative to the repository root).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { compile } from './extractExamples';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Block {
  readonly where: string;
  /** `docs/guides/x.md#2`: the file and the block's ordinal (1-based), stable when lines move. */
  readonly id: string;
  readonly code: string;
}

function* markdownFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'api') yield* markdownFiles(path);
    } else if (name.endsWith('.md')) yield path;
  }
}

/** Every ```ts block of a markdown file, with the line it starts on. */
export function tsBlocks(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] as string)) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end] as string)) end++;
    blocks.push({ where: `${relative(root, file)}:${i + 1}`, id: `${relative(root, file)}#${blocks.length + 1}`, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

export const blocks = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))].flatMap(tsBlocks);

/** Type errors of every block, compiled together as separate modules with the repo's options. */
export function typeErrors(list: readonly Block[]): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('cannot read tsconfig.json');
  const virtual = new Map(list.map((b, i) => [join(root, 'test/docs/__blocks__', `block${i}.ts`), b]));
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => virtual.has(f) || ts.sys.fileExists(f);
  host.readFile = (f) => virtual.get(f)?.code ?? readFile(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const b = virtual.get(f);
    return b ? ts.createSourceFile(f, b.code, lang, true) : getSourceFile(f, lang, onError, create);
  };
  const program = ts.createProgram([...virtual.keys()], { ...config.options, noEmit: true }, host);
  const errors = new Map<string, string[]>();
  for (const [file, b] of virtual) {
    const sf = program.getSourceFile(file);
    const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    errors.set(
      b.where,
      diags.map((d) => {
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    );
  }
  return errors;
}

/** The block as a module: its imports at the top, the rest in `run(__check)` with `//=>` checks. */
export function asModule(code: string): { source: string; checks: number } {
  const lines = code.split('\n');
  const imports: string[] = [];
  const rest: string[] = [];
  let inImport = false;
  for (const line of lines) {
    if (inImport || /^import\s/.test(line)) {
      imports.push(line);
      inImport = !/;\s*$/.test(line) && !/from\s+['"][^'"]+['"]/.test(line);
    } else rest.push(line);
  }
  const { body, checks } = compile(rest);
  const out = ts.transpileModule(`${imports.join('\n')}\nexport async function run(__check: (code: string, actual: unknown, expected: unknown) => void): Promise<void> {\n${body}\n}\n`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return { source: out.outputText, checks };
}

export function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
}

