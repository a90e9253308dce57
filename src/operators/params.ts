/**
 * Parameter definitions: one TypeScript value gives both the JSON Schema (for the form, validation
 * and docs) and the static type of the parameters, so the two cannot drift.
 */

/** JSON Schema of one parameter, with Petroflow's annotations (`x-unit`, `x-widget`, `x-port`). */
export interface ParamSchema {
  readonly type: 'number' | 'integer' | 'string' | 'boolean' | 'array';
  readonly title: string;
  readonly description: string;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly items?: {
    readonly type: 'string';
    readonly minLength?: number;
    readonly maxLength?: number;
    readonly pattern?: string;
  };
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  /** Unit shown next to the field and in docs (e.g. `g/cc`, `us/ft`, `v/v`). */
  readonly 'x-unit'?: string;
  /** How the form draws it: a column picker, several columns, SQL or expression editor. */
  readonly 'x-widget'?: 'column' | 'columns' | 'sql' | 'expression' | 'file';
  /** For column pickers on multi-input operators: the input port whose columns are offered. */
  readonly 'x-port'?: string;
}

/** A parameter: its schema, whether it is required, and a phantom of its TypeScript type. */
export interface Param<T> {
  readonly schema: ParamSchema;
  readonly required: boolean;
  /** Phantom field: never set, only carries the type. */
  readonly __type?: T;
}

/** The JSON Schema of an operator's whole parameter object. */
export interface ParamsSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, ParamSchema>>;
  readonly required: readonly string[];
  readonly additionalProperties: false;
}

/** A record of named parameters. */
export type ParamShape = Readonly<Record<string, Param<unknown>>>;

/** The static type of the parameter object described by a shape. */
export type ParamsOf<S extends ParamShape> = {
  readonly [K in keyof S as S[K]['required'] extends true ? K : never]: S[K] extends Param<infer T>
    ? T
    : never;
} & {
  readonly [K in keyof S as S[K]['required'] extends true ? never : K]?: S[K] extends Param<infer T>
    ? T
    : never;
};

/** The definition of an operator's parameters: the shape and the JSON Schema made from it. */
export interface ParamsDefinition<P> {
  readonly schema: ParamsSchema;
  /** Phantom field: never set, only carries the parameter type. */
  readonly __type?: P;
}

/** The parameter type of a parameter definition (`ParamsType<typeof params>`). */
export type ParamsType<D> = D extends ParamsDefinition<infer P> ? P : never;

/** Builds the JSON Schema of a parameter shape (every parameter with a default is filled on load). */
export function defineParams<S extends ParamShape>(shape: S): ParamsDefinition<ParamsOf<S>> {
  const properties: Record<string, ParamSchema> = {};
  const required: string[] = [];
  for (const [name, p] of Object.entries(shape)) {
    properties[name] = p.schema;
    if (p.required) required.push(name);
  }
  return { schema: { type: 'object', properties, required, additionalProperties: false } };
}

type Common = { title: string; description: string; unit?: string };
type Bounds = {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

function make<T>(schema: ParamSchema, required: boolean): Param<T> {
  return { schema, required };
}

function common(c: Common): Pick<ParamSchema, 'title' | 'description' | 'x-unit'> {
  return c.unit === undefined
    ? { title: c.title, description: c.description }
    : { title: c.title, description: c.description, 'x-unit': c.unit };
}

/** A real number; required unless it has a default or is marked optional. */
export function num(c: Common & Bounds & { default?: number; optional?: boolean }): Param<number> {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = c;
  const bounds = Object.fromEntries(
    Object.entries({ minimum, maximum, exclusiveMinimum, exclusiveMaximum }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return make(
    {
      type: 'number',
      ...common(c),
      ...bounds,
      ...(c.default !== undefined ? { default: c.default } : {}),
    },
    c.default === undefined && !c.optional,
  );
}

/** An integer. */
export function int(c: Common & Bounds & { default?: number; optional?: boolean }): Param<number> {
  const p = num(c);
  return make({ ...p.schema, type: 'integer' }, p.required);
}

/** Free text (with optional length bounds and widget). */
export function text(
  c: Common & {
    default?: string;
    optional?: boolean;
    minLength?: number;
    maxLength?: number;
    widget?: 'sql' | 'expression' | 'file';
  },
): Param<string> {
  const s: ParamSchema = {
    type: 'string',
    ...common(c),
    ...(c.default !== undefined ? { default: c.default } : {}),
    ...(c.minLength !== undefined ? { minLength: c.minLength } : {}),
    maxLength: c.maxLength ?? 100_000,
    ...(c.widget ? { 'x-widget': c.widget } : {}),
  };
  return make(s, c.default === undefined && !c.optional);
}

/** The name of a column of the input (the form offers the input's columns). */
export function column(
  c: Common & { default?: string; optional?: boolean; port?: string },
): Param<string> {
  const s: ParamSchema = {
    type: 'string',
    ...common(c),
    minLength: 1,
    maxLength: 256,
    'x-widget': 'column',
    ...(c.port ? { 'x-port': c.port } : {}),
    ...(c.default !== undefined ? { default: c.default } : {}),
  };
  return make(s, c.default === undefined && !c.optional);
}

/** Several column names of the input. */
export function columns(
  c: Common & { default?: readonly string[]; optional?: boolean; port?: string },
): Param<readonly string[]> {
  const s: ParamSchema = {
    type: 'array',
    ...common(c),
    items: { type: 'string', minLength: 1, maxLength: 256 },
    maxItems: 1000,
    uniqueItems: true,
    'x-widget': 'columns',
    ...(c.port ? { 'x-port': c.port } : {}),
    ...(c.default !== undefined ? { default: c.default } : {}),
  };
  return make(s, c.default === undefined && !c.optional);
}

/** A list of names (e.g. the user-named input ports of `sql`), each matching `pattern`. */
export function names(
  c: Common & {
    default?: readonly string[];
    pattern: string;
    minItems?: number;
    maxItems?: number;
  },
): Param<readonly string[]> {
  const s: ParamSchema = {
    type: 'array',
    ...common(c),
    items: { type: 'string', pattern: c.pattern },
    minItems: c.minItems ?? 0,
    maxItems: c.maxItems ?? 64,
    uniqueItems: true,
    ...(c.default !== undefined ? { default: c.default } : {}),
  };
  return make(s, c.default === undefined);
}

/** One of a fixed set of strings. */
export function oneOf<const T extends readonly string[]>(
  values: T,
  c: Common & { default?: T[number] },
): Param<T[number]> {
  return make(
    {
      type: 'string',
      ...common(c),
      enum: values,
      ...(c.default !== undefined ? { default: c.default } : {}),
    },
    c.default === undefined,
  );
}

/** A yes/no switch. */
export function bool(c: Common & { default?: boolean }): Param<boolean> {
  return make(
    { type: 'boolean', ...common(c), ...(c.default !== undefined ? { default: c.default } : {}) },
    c.default === undefined,
  );
}
