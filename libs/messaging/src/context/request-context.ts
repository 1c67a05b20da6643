import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Actor } from '@pressconf/contracts';

/** What travels with one unit of work (a REST request, an RPC call, an event being handled). */
export interface RequestContext {
  correlationId: string;
  /** The id of the event whose handling caused this work, if any. */
  causationId?: string;
  actor?: Actor;
  /** The inbox consumer handling the event behind this work: the actor of what it changes. */
  consumer?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const RequestContexts = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  correlationId(): string {
    return storage.getStore()?.correlationId ?? randomUUID();
  },
};
