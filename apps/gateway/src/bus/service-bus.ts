import { HttpStatus, Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { lastValueFrom, timeout, TimeoutError } from 'rxjs';
import {
  Actor,
  EventHeaders,
  isProblem,
  problem,
  Problem,
  replyTopicOf,
  RPC_PATTERNS,
  RpcPattern,
  RpcRequest,
} from '@pressconf/contracts';
import { childTraceparent, RequestContexts } from '@pressconf/messaging';

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

/** A problem passed back by a service, or raised by the gateway, that the HTTP layer renders as problem+json. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status(): HttpStatus {
    return this.problem.status;
  }
}

/**
 * Request/reply to the services over Kafka. Serving starts only once this client's consumer holds the reply
 * partitions; a reply that does not come within the timeout is a 504.
 */
@Injectable()
export class ServiceBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ServiceBus.name);
  private readonly timeoutMs = Number(process.env.GATEWAY_RPC_TIMEOUT_MS ?? 10_000);

  constructor(@Inject(KAFKA_CLIENT) private readonly client: ClientKafka) {}

  async onModuleInit(): Promise<void> {
    for (const pattern of RPC_PATTERNS) this.client.subscribeToResponseOf(pattern);
    await this.client.connect();
    await this.waitForReplyPartitions(60_000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  ready(): boolean {
    const assigned = this.client.getConsumerAssignments();
    return RPC_PATTERNS.every((p) => assigned[replyTopicOf(p)] !== undefined);
  }

  async request<T>(pattern: RpcPattern, body: unknown, actor: Actor): Promise<T> {
    const context = RequestContexts.current();
    const message: RpcRequest = {
      meta: { correlationId: context?.correlationId ?? RequestContexts.correlationId(), actor },
      body,
    };
    const headers: Record<string, string> = {
      [EventHeaders.correlationId]: message.meta.correlationId,
      traceparent: childTraceparent(context?.traceparent),
    };
    try {
      return await lastValueFrom(
        this.client.send<T>(pattern, { value: message, headers }).pipe(timeout(this.timeoutMs)),
      );
    } catch (error) {
      if (error instanceof TimeoutError) {
        throw new ProblemError(problem(504, `The ${pattern.split('.')[0]} service did not answer in time.`));
      }
      throw new ProblemError(this.toProblem(error, pattern));
    }
  }

  private toProblem(error: unknown, pattern: string): Problem {
    let candidate: unknown = error;
    if (typeof error === 'string') {
      try {
        candidate = JSON.parse(error);
      } catch {
        candidate = undefined;
      }
    }
    if (isProblem(candidate)) return candidate;
    this.logger.error(`${pattern} failed: ${error instanceof Error ? error.message : String(error)}`);
    return problem(502, 'A service failed to answer the request.');
  }

  private async waitForReplyPartitions(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ready()) {
      if (Date.now() > deadline) throw new Error('gateway got no reply-topic partitions in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
