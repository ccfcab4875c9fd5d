import type { Words } from './phrases';

/**
 * Looks a phrase up in word tables. An exact key wins; otherwise keys with `{name}` placeholders
 * (templates) match any text in the placeholder, and of the templates that match, the one with the
 * most fixed text wins (`must be one of {list}` over `must be {id}`), whatever the table order. The
 * matched text is put into the translation's placeholder of the same name (itself translated when it
 * is a known word). Templates are compiled once per table.
 *
 * @internal
 */
export function translateWords(text: string, tables: readonly Words[]): string {
  const exact = lookUp(text, tables);
  if (exact !== undefined) return exact;
  let best: Template | undefined;
  let parts: RegExpExecArray | null = null;
  for (const words of tables) {
    for (const template of templatesOf(words)) {
      if (best !== undefined && template.fixed <= best.fixed) continue;
      const m = template.pattern.exec(text);
      if (m !== null) [best, parts] = [template, m];
    }
  }
  if (best === undefined || parts === null) return text;
  let out = best.translation;
  best.names.forEach((name, i) => {
    const part = parts[i + 1] as string;
    out = out.split(`{${name}}`).join(lookUp(part, tables) ?? part);
  });
  return out;
}

function lookUp(text: string, tables: readonly Words[]): string | undefined {
  for (const words of tables) if (Object.hasOwn(words, text)) return words[text];
  return undefined;
}

interface Template {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly translation: string;
  /** Characters of fixed text: the more, the more specific. */
  readonly fixed: number;
}
const compiled = /* @__PURE__ */ new WeakMap<object, readonly Template[]>();

function templatesOf(words: Words): readonly Template[] {
  let list = compiled.get(words);
  if (list !== undefined) return list;
  list = Object.entries(words)
    .filter(([key]) => key.includes('{'))
    .map(([key, translation]): Template => {
      const names: string[] = [];
      let fixed = 0;
      const source = key
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part);
          if (name) {
            names.push(name[1] as string);
            return '(.+?)';
          }
          fixed += part.length;
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { pattern: new RegExp(`^${source}$`, 's'), names, translation, fixed };
    });
  compiled.set(words, list);
  return list;
}
