import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import {
  AgencyView,
  CreateAgencyDto,
  EventTypes,
  ListAgenciesQuery,
  NotFoundError,
  Page,
  StateConflictError,
  UpdateAgencyDto,
  ValidationFailedError,
} from '@pressconf/contracts';
import { Outbox } from '@pressconf/messaging';
import { contactsOf } from '../domain/agency-contacts';
import { isValidAt } from '../domain/agency-history';
import { AgencyEntity } from '../infrastructure/agency.entity';
import { recordVersion, registryAt, versionAt } from './agency-history';
import { agencyEventData, toAgencyView } from './agency-views';
import { filteredRegistry } from './registry-filters';

/**
 * The agency registry. Every change is recorded as a version (what `validAt` answers from) and announced on the
 * agency topic (the agency whole, keyed by its id), both in the transaction of the change: the demo seed and every
 * other way of registering agencies come through here.
 */
@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async create(dto: CreateAgencyDto): Promise<AgencyView> {
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : new Date();
    const validTo = dto.validTo ? new Date(dto.validTo) : null;
    assertValidity(validFrom, validTo);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const saved = await tx.getRepository(AgencyEntity).save({
          code: dto.code,
          name: dto.name.trim(),
          kind: dto.kind,
          roles: dto.roles,
          fields: (dto.fields ?? []).map((f) => f.trim()),
          territory: dto.territory?.trim() || null,
          contacts: contactsOf(dto.contacts ?? []),
          validFrom,
          validTo,
        });
        const recordedAt = await recordVersion(tx, saved, new Date());
        await this.outbox.add(tx, EventTypes.agencyRegistered, saved.id, agencyEventData(saved), recordedAt);
        return toAgencyView(saved);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') {
        throw new StateConflictError(`An agency with code ${dto.code} already exists`);
      }
      throw error;
    }
  }

  /** With `validAt`, the agencies valid then, each as it stood then; without, every agency as it stands. */
  async list(query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const skip = (page - 1) * pageSize;
    const manager = this.dataSource.manager;
    if (!query.validAt) {
      const [rows, total] = await filteredRegistry(manager.getRepository(AgencyEntity).createQueryBuilder('a'), query)
        .addOrderBy('a.id', 'ASC')
        .skip(skip)
        .take(pageSize)
        .getManyAndCount();
      return { items: rows.map((a) => toAgencyView(a)), page, pageSize, total };
    }
    const [versions, total] = await filteredRegistry(registryAt(manager, new Date(query.validAt)), query)
      .addOrderBy('a.agency_id', 'ASC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    const agencies = await manager.findBy(AgencyEntity, { id: In(versions.map((v) => v.agencyId)) });
    const byId = new Map(agencies.map((a) => [a.id, a]));
    return { items: versions.map((v) => toAgencyView(byId.get(v.agencyId)!, v)), page, pageSize, total };
  }

  /** The agency as it stands, or as it stood at `validAt` (404 if it was not valid then). */
  async get(id: string, validAt?: string): Promise<AgencyView> {
    const agency = await this.find(this.dataSource.manager, id);
    if (!validAt) return toAgencyView(agency);
    const at = new Date(validAt);
    const version = isValidAt(agency, at) ? await versionAt(this.dataSource.manager, id, at) : undefined;
    if (!version) throw new NotFoundError('Agency', id);
    return toAgencyView(agency, version);
  }

  async update(id: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    return this.dataSource.transaction(async (tx) => {
      const agency = await this.find(tx, id, true);
      if (dto.name !== undefined) agency.name = dto.name.trim();
      if (dto.kind !== undefined) agency.kind = dto.kind;
      if (dto.roles !== undefined) agency.roles = dto.roles;
      if (dto.fields !== undefined) agency.fields = dto.fields.map((f) => f.trim());
      if (dto.territory !== undefined) agency.territory = dto.territory.trim() || null;
      if (dto.contacts !== undefined) agency.contacts = contactsOf(dto.contacts);
      if (dto.validFrom !== undefined) agency.validFrom = new Date(dto.validFrom);
      if (dto.validTo !== undefined) agency.validTo = dto.validTo === null ? null : new Date(dto.validTo);
      assertValidity(agency.validFrom, agency.validTo);
      const saved = await tx.save(agency);
      const recordedAt = await recordVersion(tx, saved, new Date());
      await this.outbox.add(tx, EventTypes.agencyChanged, saved.id, agencyEventData(saved), recordedAt);
      return toAgencyView(saved);
    });
  }

  /**
   * The agencies valid at `at`, as they stand now: what a conference called now invites (callers pass the present,
   * and the agency table holds the version in force now).
   */
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
