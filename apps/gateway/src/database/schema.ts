import { GatewayAuditTrail1796000100000 } from './migrations/1796000100000-gateway-audit-trail';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { GatewayInitial1764100004000 } from './migrations/1764100004000-gateway-initial';
import { ApiKeys1764100005000 } from './migrations/1764100005000-api-keys';
import { ApiKeyPrefixLength1764700013000 } from './migrations/1764700013000-api-key-prefix-length';
import { ApiKeyHostAgency1795910000000 } from './migrations/1795910000000-api-key-host-agency';
import { ApiKeyEntity } from '../auth/api-key.entity';

export const GATEWAY_ENTITIES = [IdempotencyRecord, ApiKeyEntity];
export const GATEWAY_MIGRATIONS = [
  GatewayInitial1764100004000,
  ApiKeys1764100005000,
  ApiKeyPrefixLength1764700013000,
  ApiKeyHostAgency1795910000000,
  GatewayAuditTrail1796000100000,
];
