import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { RpcRequest } from '@pressconf/contracts';
import { RequestContexts } from '../context/request-context';

/** Runs each RPC handler inside the caller's correlation id and actor, so logs and outbox events carry them. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const request = context.switchToRpc().getData<Partial<RpcRequest>>();
    const meta = request?.meta;
    if (!meta?.correlationId) return next.handle();
    return new Observable((subscriber) =>
      RequestContexts.run({ correlationId: meta.correlationId, actor: meta.actor }, () =>
        next.handle().subscribe(subscriber),
      ),
    );
  }
}
