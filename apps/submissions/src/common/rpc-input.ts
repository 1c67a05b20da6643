import { IdParam, validateInto } from '@pressconf/contracts';

/** Splits an RPC body `{ id, ...rest }` into the path id and the request body, validating both (400 otherwise). */
export async function idAnd<T extends object>(body: unknown, type: new () => T): Promise<{ id: string; dto: T }> {
  const { id, ...rest } = (typeof body === 'object' && body !== null ? body : {}) as { id?: unknown };
  const { id: valid } = await validateInto(IdParam, { id });
  return { id: valid, dto: await validateInto(type, rest) };
}
