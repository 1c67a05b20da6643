import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { IsDateTimeWithOffset, Nullable } from '../common/validators';
import { EventTypes } from '../topics';

/** Every event of the contract's topics, by its type; `*` subscribes to all of them, later ones included. */
export const WEBHOOK_ALL_EVENTS = '*';
export const WebhookEventTypes = [WEBHOOK_ALL_EVENTS, ...Object.values(EventTypes)] as const;
export type WebhookEventType = (typeof WebhookEventTypes)[number];

/** The type of the signed event `POST /webhook-subscriptions/{id}/test` sends (no topic carries it). */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';

/** PENDING while queued or retried, DELIVERED on a 2xx answer, FAILED when given up (3 days of failure). */
export const WebhookDeliveryStatuses = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatuses)[number];

/** POST /webhook-subscriptions. */
export class CreateWebhookSubscriptionDto {
  /** https (http only for a host listed in WEBHOOK_ALLOWED_HOSTS); its addresses must not be private. */
  @IsString()
  @MaxLength(2000)
  url: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsIn(WebhookEventTypes, { each: true })
  eventTypes: WebhookEventType[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

/** PATCH /webhook-subscriptions/{id}: what is given changes; `rotateSecret` issues a new secret. */
export class UpdateWebhookSubscriptionDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsIn(WebhookEventTypes, { each: true })
  eventTypes?: WebhookEventType[];

  @IsOptional()
  @Nullable()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  /** Re-enabling a subscription (one disabled after 3 days of failure) sends what waited for it, in order. */
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  /** A new secret, shown in this answer only; the old one keeps signing beside it for 24 hours. */
  @IsOptional()
  @IsBoolean()
  rotateSecret?: boolean;
}

/** A webhook subscription; `secret` only in the answer that created or rotated it. */
export class WebhookSubscriptionView {
  @IsUUID()
  id: string;

  @IsString()
  url: string;

  @IsIn(WebhookEventTypes, { each: true })
  eventTypes: WebhookEventType[];

  @Nullable()
  @IsString()
  description: string | null;

  @IsBoolean()
  enabled: boolean;

  /** Why it was disabled, e.g. `failing since … (3 days)`; null while enabled or when an admin disabled it. */
  @Nullable()
  @IsString()
  disabledReason: string | null;

  /** The first failed attempt since its last delivered event; null while it delivers. */
  @Nullable()
  @IsDateTimeWithOffset()
  failingSince: string | null;

  /** Until then the previous secret signs too (a second `v1,` signature). */
  @Nullable()
  @IsDateTimeWithOffset()
  previousSecretExpiresAt: string | null;

  /** `whsec_` and the base64 of the key: shown once, at creation and at each rotation. */
  @IsOptional()
  @IsString()
  secret?: string;

  @IsDateTimeWithOffset()
  createdAt: string;

  @IsDateTimeWithOffset()
  updatedAt: string;
}

/** One attempt at a delivery. */
export class WebhookAttemptView {
  @IsInt()
  @Min(1)
  attempt: number;

  @IsDateTimeWithOffset()
  at: string;

  /** The receiver's HTTP status; null when none came (refused address, connection error, timeout). */
  @Nullable()
  @IsInt()
  statusCode: number | null;

  @IsInt()
  @Min(0)
  durationMs: number;

  @Nullable()
  @IsString()
  error: string | null;
}

/** One event to one subscription, and every attempt at it (GET /webhook-subscriptions/{id}/deliveries). */
export class WebhookDeliveryView {
  @IsUUID()
  id: string;

  @IsUUID()
  subscriptionId: string;

  /** The event's id: the `webhook-id` header, the same at every attempt. */
  @IsUUID()
  eventId: string;

  @IsString()
  eventType: string;

  /** Deliveries with the same key (the event's subject: the conference id…) go out one after the other, in order. */
  @IsString()
  orderingKey: string;

  @IsIn(WebhookDeliveryStatuses)
  status: WebhookDeliveryStatus;

  @IsInt()
  @Min(0)
  attempts: number;

  @Nullable()
  @IsInt()
  lastStatusCode: number | null;

  @Nullable()
  @IsInt()
  lastDurationMs: number | null;

  @Nullable()
  @IsDateTimeWithOffset()
  lastAttemptAt: string | null;

  /** When a PENDING delivery is tried next (later still while an earlier one of its key waits). */
  @Nullable()
  @IsDateTimeWithOffset()
  nextAttemptAt: string | null;

  @Nullable()
  @IsDateTimeWithOffset()
  deliveredAt: string | null;

  @Nullable()
  @IsString()
  lastError: string | null;

  @IsDateTimeWithOffset()
  queuedAt: string;

  /** Every attempt, oldest first. */
  @ValidateNested({ each: true })
  @Type(() => WebhookAttemptView)
  attemptLog: WebhookAttemptView[];
}

/** GET /webhook-subscriptions/{id}/deliveries: newest first. */
export class ListWebhookDeliveriesQuery extends PageQuery {
  @IsOptional()
  @IsIn(WebhookDeliveryStatuses)
  status?: WebhookDeliveryStatus;
}

/** The path of a delivery: its subscription and itself. */
export class WebhookDeliveryParams {
  @IsUUID()
  id: string;

  @IsUUID()
  deliveryId: string;
}
