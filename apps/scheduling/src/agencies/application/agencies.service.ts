import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  AgencyView,
  CreateAgencyDto,
  ListAgenciesQuery,
  NotFoundError,
  Page,
  StateConflictError,
  UpdateAgencyDto,
  ValidationFailedError,
} from '@pressconf/contracts';
import { AgencyEntity } from '../infrastructure/agency.entity';

@Injectable()
export class AgenciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(dto: CreateAgencyDto): Promise<AgencyView> {
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : new Date();
    const validTo = dto.validTo ? new Date(dto.validTo) : null;
    assertValidity(validFrom, validTo);
    try {
      const saved = await this.dataSource.getRepository(AgencyEntity).save({
        code: dto.code,
        name: dto.name.trim(),
        kind: dto.kind,
        roles: dto.roles,
        fields: (dto.fields ?? []).map((f) => f.trim()),
        territory: dto.territory?.trim() || null,
        contacts: (dto.contacts ?? []).map((c) => ({ ...c, spokesperson: c.spokesperson ?? false })),
        validFrom,
        validTo,
      });
      return toAgencyView(saved);
    } catch (error) {
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') {
        throw new StateConflictError(`An agency with code ${dto.code} already exists`);
      }
      throw error;
    }
  }

  async list(query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(AgencyEntity).createQueryBuilder('a');
    if (query.role) qb.andWhere(':role = ANY(a.roles)', { role: query.role });
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.validAt) {
      const at = new Date(query.validAt);
      qb.andWhere('a.valid_from <= :at', { at }).andWhere('(a.valid_to IS NULL OR a.valid_to > :at)', { at });
    }
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
    const [rows, total] = await qb
      .orderBy('a.name', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toAgencyView), page, pageSize, total };
  }

  async get(id: string): Promise<AgencyView> {
    return toAgencyView(await this.find(this.dataSource.manager, id));
  }

  async update(id: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    return this.dataSource.transaction(async (tx) => {
      const agency = await this.find(tx, id, true);
      if (dto.name !== undefined) agency.name = dto.name.trim();
      if (dto.kind !== undefined) agency.kind = dto.kind;
      if (dto.roles !== undefined) agency.roles = dto.roles;
      if (dto.fields !== undefined) agency.fields = dto.fields.map((f) => f.trim());
      if (dto.territory !== undefined) agency.territory = dto.territory.trim() || null;
      if (dto.contacts !== undefined) {
        agency.contacts = dto.contacts.map((c) => ({ ...c, spokesperson: c.spokesperson ?? false }));
      }
      if (dto.validFrom !== undefined) agency.validFrom = new Date(dto.validFrom);
      if (dto.validTo !== undefined) agency.validTo = dto.validTo === null ? null : new Date(dto.validTo);
      assertValidity(agency.validFrom, agency.validTo);
      return toAgencyView(await tx.save(agency));
    });
  }

  /** The registry as it stood at `at`: what a conference called at that moment invites. */
  async validAt(tx: EntityManager, at: Date): Promise<AgencyEntity[]> {
    return tx
      .getRepository(AgencyEntity)
      .createQueryBuilder('a')
      .where('a.valid_from <= :at', { at })
      .andWhere('(a.valid_to IS NULL OR a.valid_to > :at)', { at })
      .orderBy('a.name', 'ASC')
      .getMany();
  }

  private async find(tx: EntityManager, id: string, lock = false): Promise<AgencyEntity> {
    const agency = await tx.getRepository(AgencyEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!agency) throw new NotFoundError('Agency', id);
    return agency;
  }
}

function assertValidity(validFrom: Date, validTo: Date | null): void {
  if (validTo && validTo <= validFrom) {
    throw new ValidationFailedError([{ field: 'validTo', message: 'validTo must be after validFrom' }]);
  }
}

export function toAgencyView(a: AgencyEntity): AgencyView {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind,
    roles: a.roles,
    fields: a.fields,
    territory: a.territory,
    contacts: a.contacts,
    validFrom: a.validFrom.toISOString(),
    validTo: a.validTo ? a.validTo.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
