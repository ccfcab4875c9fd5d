// CHANGELOG.md ships in the package: it must stay a Keep a Changelog file a reader can use. A
// scripted edit once inserted one entry between every character of the file (1.2 million lines,
// 100 MB unpacked, caught a stop later); these checks fail on that and on its smaller cousins.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const file = fileURLToPath(new URL('../../CHANGELOG.md', import.meta.url));
const text = readFileSync(file, 'utf8');
const lines = text.split('\n');
const KINDS = new Set(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']);

describe('CHANGELOG.md', () => {
  it('opens with the title and the Unreleased section, as Keep a Changelog lays it out', () => {
    expect(lines[0]).toBe('# Changelog');
    expect(lines.filter((l) => l.startsWith('# '))).toEqual(['# Changelog']);
    const releases = lines.filter((l) => l.startsWith('## '));
    expect(releases[0]).toBe('## [Unreleased]');
    for (const r of releases) expect(r).toMatch(/^## \[(Unreleased|\d+\.\d+\.\d+)\]( - \d{4}-\d{2}-\d{2})?$/);
  });

  it('has only the six kinds of change as subsections, each once per release', () => {
    let seen = new Set<string>();
    for (const l of lines) {
      if (l.startsWith('## ')) seen = new Set();
      if (!l.startsWith('### ')) continue;
      const kind = l.slice(4);
      expect(KINDS.has(kind), `unknown kind ${kind}`).toBe(true);
      expect(seen.has(kind), `${kind} twice in one release`).toBe(false);
      seen.add(kind);
    }
  });

  it('says each entry once, and stays a size a reader can scroll (under 1 MB)', () => {
    const entries = text.split(/\n(?=- )/).filter((e) => e.startsWith('- '));
    expect(entries.length).toBeGreaterThan(10);
    expect(new Set(entries).size).toBe(entries.length);
    expect(statSync(file).size).toBeLessThan(1_000_000);
  });
});
