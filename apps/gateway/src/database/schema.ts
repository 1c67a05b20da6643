import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { GatewayInitial1764100004000 } from './migrations/1764100004000-gateway-initial';

export const GATEWAY_ENTITIES = [IdempotencyRecord];
export const GATEWAY_MIGRATIONS = [GatewayInitial1764100004000];
