import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { EventType, EventTypes } from './topics';
import { IsDateTimeWithOffset } from './common/validators';

/** Kafka header names carried by every event; id, type and correlation id repeat the envelope's fields. */
export const EventHeaders = {
  id: 'event-id',
  type: 'event-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  deadLetterReason: 'dead-letter-reason',
  deadLetterAttempts: 'dead-letter-attempts',
  deadLetterSourceTopic: 'dead-letter-source-topic',
  deadLetterSourcePartition: 'dead-letter-source-partition',
  deadLetterSourceOffset: 'dead-letter-source-offset',
} as const;

/** The JSON value of every event message (API.md, "Events"). */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: EventType;
  version: number;
  occurredAt: string;
  source: string;
  subject: string;
  correlationId: string;
  causationId?: string;
  data: T;
}

/** The envelope as validated on the way in; `data` is validated separately against the type's payload class. */
export class EventEnvelopeShape implements EventEnvelope<Record<string, unknown>> {
  @IsUUID()
  id: string;

  @IsIn(Object.values(EventTypes))
  type: EventType;

  @IsInt()
  @Min(1)
  version: number;

  @IsDateTimeWithOffset()
  occurredAt: string;

  @IsString()
  @IsNotEmpty()
  source: string;

  @IsString()
  @IsNotEmpty()
  subject: string;

  @IsString()
  @IsNotEmpty()
  correlationId: string;

  @IsOptional()
  @IsString()
  causationId?: string;

  @IsObject()
  @Type(() => Object)
  data: Record<string, unknown>;
}

/** The major version is the last segment of the type: `scheduling.conference.called.v1` → 1. */
export function versionOf(type: EventType): number {
  const match = /\.v(\d+)$/.exec(type);
  return match ? Number(match[1]) : 1;
}
