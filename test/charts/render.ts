// Validates a Vega-Lite spec against the Vega-Lite JSON schema (ajv), compiles it with vega-lite and
// renders it to SVG with vega, collecting every warning and error the two libraries log.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import * as vega from 'vega';
import * as vl from 'vega-lite';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(schema);

export interface Rendered {
  readonly schemaErrors: readonly string[];
  readonly warnings: readonly string[];
  readonly svg: string;
}

export async function render(spec: object): Promise<Rendered> {
  const ok = validate(spec);
  const schemaErrors = ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const warnings: string[] = [];
  const push = (kind: string) => (...m: unknown[]) => warnings.push(`${kind}: ${m.map(String).join(' ')}`);
  const logger = {
    level(): number { return 2; },
    warn: push('warn'),
    error: push('error'),
    info: () => undefined,
    debug: () => undefined,
  } as unknown as vega.LoggerInterface;
  const { spec: compiled } = vl.compile(spec as vl.TopLevelSpec, { logger: logger as never });
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  const svg = await view.toSVG();
  view.finalize();
  return { schemaErrors, warnings, svg };
}
