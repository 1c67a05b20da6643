import { z } from 'zod';

/**
 * Typed configuration. Every environment variable the apps read is declared once, with its type, its default and
 * its meaning; each service composes the declarations it reads into one schema (apps/<service>/src/config.ts),
 * validated at start (a wrong value stops the service, naming the variable). The README's configuration table
 * (`npm run config:docs`) and tools/deploy are generated from, and read, the same declarations.
 */
export interface EnvDoc {
  /** What the variable means (the README's "meaning" column). */
  description: string;
  /** The default as people read it (the README's "default" column); none when absent. */
  shownDefault?: string;
}

/** The documentation of every declared variable, kept beside its schema. */
export const envDocs = z.registry<EnvDoc>();

/** Unset and empty are the same: an empty value takes the default. */
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

function declare<T extends z.ZodType>(schema: T, doc: EnvDoc) {
  const declared = z.preprocess(blankAsUnset, schema);
  envDocs.add(declared, doc);
  return declared;
}

/** A variable of its own schema (one that reads a file, say), documented like the others. */
export function customVar<T extends z.ZodType>(schema: T, doc: EnvDoc) {
  return declare(schema, doc);
}

interface IntOptions {
  min?: number;
  max?: number;
  shownDefault?: string;
}

/** A whole number with a default, e.g. a port, a count or milliseconds. */
export function intVar(defaultValue: number, description: string, options: IntOptions = {}) {
  const min = options.min ?? 1;
  let schema = z.coerce
    .number<unknown>({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `expected a whole number of at least ${min}` });
  if (options.max !== undefined) schema = schema.max(options.max, { error: `expected at most ${options.max}` });
  return declare(schema.default(defaultValue), {
    description,
    shownDefault: options.shownDefault ?? String(defaultValue),
  });
}

/** A number with a default that may have a fraction, e.g. hours or minutes (0.1 minutes in the tests). */
export function numberVar(defaultValue: number, description: string, options: { min?: number } = {}) {
  const min = options.min ?? 0;
  const schema = z.coerce
    .number<unknown>({ error: 'expected a number' })
    .refine((n) => Number.isFinite(n), 'expected a number')
    .refine((n) => (min === 0 ? n >= 0 : n >= min), `expected a number of at least ${min}`);
  return declare(schema.default(defaultValue), { description, shownDefault: String(defaultValue) });
}

export const portVar = (defaultValue: number, description: string) =>
  intVar(defaultValue, description, { max: 65_535 });

/** A string with a default. */
export function stringVar(defaultValue: string, description: string, shownDefault = defaultValue) {
  return declare(z.string().min(1).default(defaultValue), { description, shownDefault });
}

/** A string that may be absent. */
export function optionalStringVar(description: string, shownDefault?: string) {
  return declare(z.string().optional(), { description, shownDefault });
}

/** An http(s) URL that may be absent. */
export function optionalUrlVar(description: string, shownDefault?: string) {
  return declare(z.url({ protocol: /^https?$/ }).optional(), { description, shownDefault });
}

/** One of a few words. */
export function enumVar<const T extends readonly [string, ...string[]]>(
  values: T,
  defaultValue: T[number],
  description: string,
) {
  return declare(z.enum(values).default(defaultValue as never), { description, shownDefault: defaultValue });
}

/** A comma-separated list (blanks dropped), empty unless a default is given. */
export function listVar(
  description: string,
  options: { defaultValue?: string; shownDefault?: string; item?: z.ZodType<string, string> } = {},
) {
  return declare(
    z
      .string()
      .default(options.defaultValue ?? '')
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .pipe(z.array(options.item ?? z.string())),
    { description, shownDefault: options.shownDefault ?? options.defaultValue },
  );
}

/** A size such as `1mb` or `512kb`, as body-parser reads it. */
export function sizeVar(defaultValue: string, description: string) {
  return declare(
    z
      .string()
      .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'expected a size such as 512kb or 2mb')
      .default(defaultValue),
    { description, shownDefault: defaultValue },
  );
}

/** An IANA time zone. */
export function timeZoneVar(defaultValue: string, description: string) {
  return declare(
    z
      .string()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'expected an IANA time zone such as Asia/Ho_Chi_Minh')
      .default(defaultValue),
    { description, shownDefault: defaultValue },
  );
}

/** Why the environment was refused: one line per variable, naming it. */
export class ConfigError extends Error {
  constructor(readonly issues: Array<{ variable: string; message: string }>) {
    super(`Invalid configuration: ${issues.map((i) => `${i.variable}: ${i.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the variables of `schema` from `env` (process.env by default), or throws a ConfigError naming each wrong one. */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  );
}

/** A loader that reads process.env once, the first time it is called, for code that Nest does not build. */
export function configLoader<S extends z.ZodObject>(schema: S): () => z.output<S> {
  let loaded: z.output<S> | undefined;
  return () => (loaded ??= loadConfig(schema));
}

/** The declared variables of a schema, in order, with their documentation. */
export function describeEnv(schema: z.ZodObject): Array<{ name: string } & EnvDoc> {
  return Object.entries(schema.shape).map(([name, variable]) => {
    const doc = envDocs.get(variable);
    if (!doc) throw new Error(`${name} is declared without documentation: use the helpers of config/env.ts`);
    return { name, ...doc };
  });
}
