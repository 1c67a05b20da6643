import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ListAgenciesQuery } from '@pressconf/contracts';

/**
 * The registry's filters (role, kind, a search in name, code, territory and fields) and its order (by name), on
 * alias `a`: the agency table or its versions, which have the same columns.
 */
export function filteredRegistry<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListAgenciesQuery,
): SelectQueryBuilder<T> {
  if (query.role) qb.andWhere(':role = ANY(a.roles)', { role: query.role });
  if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('a.name ILIKE :like', { like })
          .orWhere('a.code ILIKE :like', { like })
          .orWhere('a.territory ILIKE :like', { like })
          .orWhere('EXISTS (SELECT 1 FROM unnest(a.fields) f WHERE f ILIKE :like)', { like }),
      ),
    );
  }
  return qb.orderBy('a.name', 'ASC');
}
