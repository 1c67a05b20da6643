import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ApiKeyView,
  CreateApiKeyDto,
  CreatedApiKeyView,
  IdParam,
  Page,
  PageQuery,
  InternalApi,
  ValidationFailedError,
} from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { ServiceClient } from '../services/service-client';
import { body, query } from '../http/contract.pipe';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { ApiRoute } from '../openapi/api-docs';
import { CurrentActor, Roles } from './actor.guard';
import { ApiKeysService } from './api-keys.service';

@ApiTags('API keys')
@Controller('api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly services: ServiceClient,
  ) {}

  @Post()
  @Idempotent({ secretFields: ['key'] })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A retry with the same key returns the first result without the secret `key` (header `Idempotent-Withheld: key`)',
  })
  @ApiRoute({
    summary: 'Issue an API key',
    description:
      'The key is in the answer and never shown again; only its SHA-256 is stored, also with an Idempotency-Key: a ' +
      'replay names the key issued (id, prefix) without the secret. Lost it? Revoke that key and issue another.',
    body: 'CreateApiKeyDto',
    success: { status: 201, description: 'The key, shown once', schema: 'CreatedApiKeyView' },
    errors: [400],
  })
  async create(
    @Body(body(CreateApiKeyDto)) dto: CreateApiKeyDto,
    @CurrentActor() actor: Actor,
  ): Promise<CreatedApiKeyView> {
    if (dto.agencyId) await this.assertAgencyExists(dto.agencyId, actor);
    return this.apiKeys.create(dto, actor);
  }

  @Get()
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } })
  @ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiRoute({
    summary: 'List API keys',
    success: { status: 200, description: 'A page of keys (without the secrets)', schema: 'ApiKeyView', list: true },
    errors: [400],
  })
  list(@Query(query(PageQuery)) paging: PageQuery): Promise<Page<ApiKeyView>> {
    return this.apiKeys.list(paging);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiRoute({ summary: 'Revoke an API key', success: { status: 204, description: 'Revoked' }, errors: [400, 404] })
  async revoke(@Param(body(IdParam)) { id }: IdParam): Promise<void> {
    await this.apiKeys.revoke(id);
  }

  private async assertAgencyExists(agencyId: string, actor: Actor): Promise<void> {
    try {
      await this.services.call(InternalApi.scheduling.getAgency, { id: agencyId }, actor);
    } catch (error) {
      if (error instanceof ProblemError && error.status === HttpStatus.NOT_FOUND) {
        throw new ValidationFailedError([{ field: 'agencyId', message: `agency ${agencyId} does not exist` }]);
      }
      throw error;
    }
  }
}
