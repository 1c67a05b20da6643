import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { RpcRequest } from '@pressconf/contracts';
import { RequestContexts } from '../context/request-context';
import { childTraceparent } from '../context/trace-context';

/** Runs each RPC handler inside the caller's correlation id and actor, so logs and outbox events carry them. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpc = context.switchToRpc();
    const meta = rpc.getData<Partial<RpcRequest>>()?.meta;
    if (!meta?.correlationId) return next.handle();
    const traceparent = rpc.getContext<KafkaContext>().getMessage?.()?.headers?.traceparent;
    return new Observable((subscriber) =>
      RequestContexts.run(
        {
          correlationId: meta.correlationId!,
          actor: meta.actor,
          traceparent: childTraceparent(traceparent === undefined ? undefined : String(traceparent)),
        },
        () =>
        next.handle().subscribe(subscriber),
      ),
    );
  }
}
