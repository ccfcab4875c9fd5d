import { globalRegistry } from 'zod';

/** The parts of a built zod schema that rebuilding it on another object needs. */
interface BuiltSchema {
  readonly _zod: {
    readonly def: unknown;
    readonly constr: (this: object, def: unknown) => unknown;
    parent?: unknown;
  };
}

/**
 * A zod schema built on first use instead of at module load. Building zod v4 schemas is not free
 * (every `.min()`, `.optional()` or `z.strictObject` constructs and initialises a schema object), and
 * `import('crmkit')` evaluates every area, so each module-level schema wrapped here moves its cost
 * from load time to the first parse that needs it.
 *
 * What comes back is an ordinary object whose prototype is a trap: the first property read, write or
 * `in` test on it calls `build()` and then initialises that very object as the built schema (zod's
 * own constructor run on it with the built definition, with the built schema's parent and its
 * `globalRegistry` metadata such as `.meta({ id })` moved onto it). From then on it is a real zod
 * schema with its own identity: `instanceof`, `.shape`, `.optional()`, JSON Schema `$ref`s by id and
 * registries all see one object, and reads cost nothing extra. Only reflection that reads no property
 * (`Object.keys` or `Object.getPrototypeOf` before any other use) can tell it was not built yet.
 *
 * `build` must not read the schema it builds (use `z.lazy` for recursion, as usual).
 *
 * @internal
 */
export function lazySchema<T extends object>(build: () => T): T {
  let building = false;
  const materialise = (): void => {
    if (building) throw new Error('lazySchema: the schema was read while it was being built');
    building = true;
    let built: BuiltSchema;
    try {
      built = build() as unknown as BuiltSchema;
    } finally {
      building = false;
    }
    Object.setPrototypeOf(schema, Object.getPrototypeOf(built));
    built._zod.constr.call(schema, built._zod.def);
    if (built._zod.parent !== undefined) (schema as unknown as BuiltSchema)._zod.parent = built._zod.parent;
    if (globalRegistry.has(built as never)) {
      const meta = globalRegistry.get(built as never);
      globalRegistry.remove(built as never);
      globalRegistry.add(schema as never, meta as never);
    }
  };
  const trap = new Proxy(Object.prototype, {
    get: (_target, key, receiver) => {
      materialise();
      return Reflect.get(schema, key, receiver);
    },
    set: (_target, key, value, receiver) => {
      materialise();
      return Reflect.set(schema, key, value, receiver);
    },
    has: (_target, key) => {
      materialise();
      return Reflect.has(schema, key);
    },
  });
  const schema = Object.create(trap) as T;
  return schema;
}
