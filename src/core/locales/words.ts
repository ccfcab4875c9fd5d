/**
 * Looks a phrase up in a word table. Keys may hold `{name}` placeholders that match any text; the
 * matched text is put into the translation's placeholder of the same name (itself translated when
 * it is a known word). Templates are compiled once per table.
 *
 * @internal
 */
export function translateWords(text: string, words: Readonly<Record<string, string>>): string {
  const exact = Object.hasOwn(words, text) ? words[text] : undefined;
  if (exact !== undefined) return exact;
  for (const [pattern, names, translation] of templatesOf(words)) {
    const m = pattern.exec(text);
    if (m === null) continue;
    let out = translation;
    names.forEach((name, i) => {
      const part = m[i + 1] as string;
      const word = Object.hasOwn(words, part) ? (words[part] as string) : part;
      out = out.split(`{${name}}`).join(word);
    });
    return out;
  }
  return text;
}

type Template = readonly [RegExp, readonly string[], string];
const compiled = /* @__PURE__ */ new WeakMap<object, readonly Template[]>();

function templatesOf(words: Readonly<Record<string, string>>): readonly Template[] {
  let list = compiled.get(words);
  if (list !== undefined) return list;
  list = Object.entries(words)
    .filter(([key]) => key.includes('{'))
    .map(([key, translation]): Template => {
      const names: string[] = [];
      const source = key
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part);
          if (name) {
            names.push(name[1] as string);
            return '(.+?)';
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return [new RegExp(`^${source}$`, 's'), names, translation];
    });
  compiled.set(words, list);
  return list;
}
