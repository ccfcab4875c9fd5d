import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const s = readFileSync('/tmp/size-nps2.js', 'utf8');
const g = (t) => gzipSync(t, { level: 9 }).length;
const drop = process.argv.slice(2);
let t = s;
for (const k of drop) {
  const re = new RegExp('(,)?' + JSON.stringify(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ':"(?:[^"\\\\]|\\\\.)*"');
  const before = t.length; t = t.replace(re, ''); if (t.length === before) { const re2 = new RegExp('(,)?' + k + ':"(?:[^"\\\\]|\\\\.)*"'); t = t.replace(re2, ''); }
}
console.log(g(s), g(t), g(s) - g(t));
