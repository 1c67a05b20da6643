import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import {
  Actor,
  ApiKeyView,
  CreateApiKeyDto,
  CreatedApiKeyView,
  NotFoundError,
  Page,
  PageQuery,
} from '@pressconf/contracts';
import { ApiKeyEntity } from './api-key.entity';
import type { GatewayConfig } from '../config';
import { ConfigService } from '@nestjs/config';

/**
 * API keys: shown once, kept as a SHA-256, revocable. Lookups are cached briefly per process; a revocation
 * clears this process's cache at once and reaches other gateway replicas within API_KEY_CACHE_MS.
 */
@Injectable()
export class ApiKeysService {
  private readonly adminKey = this.config.get('GATEWAY_ADMIN_API_KEY', { infer: true }) ?? '';
  private readonly cacheMs = this.config.get('API_KEY_CACHE_MS', { infer: true });
  private readonly cache = new Map<string, { actor: Actor | null; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  async create(dto: CreateApiKeyDto, createdBy: Actor): Promise<CreatedApiKeyView> {
    const key = `pk_${dto.role}_${randomBytes(32).toString('base64url')}`;
    const entity = await this.dataSource.getRepository(ApiKeyEntity).save({
      id: randomUUID(),
      name: dto.name.trim(),
      role: dto.role,
      agencyId: dto.agencyId ?? null,
      prefix: key.slice(0, key.indexOf('_', 3) + 7),
      hash: sha256(key),
      createdBy: createdBy.subject,
      revokedAt: null,
      lastUsedAt: null,
    });
    return { ...toView(entity), key };
  }

  async list(query: PageQuery): Promise<Page<ApiKeyView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total] = await this.dataSource.getRepository(ApiKeyEntity).findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toView), page, pageSize, total };
  }

  async revoke(id: string): Promise<void> {
    // In a transaction, like every change: the audit trail learns who revoked it from the transaction's settings.
    const result = await this.dataSource.transaction((tx) =>
      tx.getRepository(ApiKeyEntity).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() }),
    );
    if (!result.affected && !(await this.dataSource.getRepository(ApiKeyEntity).existsBy({ id }))) {
      throw new NotFoundError('API key', id);
    }
    this.cache.clear();
  }

  /** The actor a key stands for, or null for an unknown or revoked key. */
  async authenticate(key: string): Promise<Actor | null> {
    if (this.adminKey && constantTimeEquals(key, this.adminKey)) return { role: 'admin', subject: 'bootstrap-admin' };
    const hash = sha256(key);
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.actor;
    const entity = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ hash, revokedAt: IsNull() });
    const actor: Actor | null = entity
      ? {
          role: entity.role,
          subject: `api-key:${entity.id}`,
          ...(entity.agencyId ? { agencyId: entity.agencyId } : {}),
        }
      : null;
    if (entity) {
      void this.dataSource.getRepository(ApiKeyEntity).update({ id: entity.id }, { lastUsedAt: new Date() });
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { actor, until: Date.now() + this.cacheMs });
    return actor;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(sha256(a));
  const right = Buffer.from(sha256(b));
  return timingSafeEqual(left, right);
}

function toView(entity: ApiKeyEntity): ApiKeyView {
  return {
    id: entity.id,
    name: entity.name,
    role: entity.role,
    ...(entity.agencyId ? { agencyId: entity.agencyId } : {}),
    prefix: entity.prefix,
    createdAt: entity.createdAt.toISOString(),
    ...(entity.revokedAt ? { revokedAt: entity.revokedAt.toISOString() } : {}),
    ...(entity.lastUsedAt ? { lastUsedAt: entity.lastUsedAt.toISOString() } : {}),
  };
}
