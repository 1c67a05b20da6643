import { CustomTransportStrategy, KafkaContext, Server } from '@nestjs/microservices';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { isObservable, lastValueFrom } from 'rxjs';
import { Topics } from '@pressconf/contracts';
import { EventInbox } from '@pressconf/messaging';
import { OnRsvpReceivedHandler } from '../../conferences/interface/on-rsvp-received.handler';
import { REPORTING_CONSUMER, ReportingProjectionHandler } from './reporting-projection.handler';

/** A transport that only collects the handlers, as ServerKafka does, for the test to call. */
class CollectingServer extends Server implements CustomTransportStrategy {
  listen(callback: () => void) {
    callback();
  }
  close() {}
  on() {
    return undefined as never;
  }
  unwrap<T>(): T {
    return undefined as T;
  }
}

describe('ReportingProjectionHandler beside the participants handler', () => {
  it('is called by Nest together with the other handler of the same topic, each with its own consumer', async () => {
    const consumers: string[] = [];
    const inbox = {
      process: async (consumer: string) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        consumers.push(consumer);
      },
    };
    @Module({
      controllers: [OnRsvpReceivedHandler, ReportingProjectionHandler],
      providers: [{ provide: EventInbox, useValue: inbox }],
    })
    class HandlersModule {}
    const server = new CollectingServer();
    const app = await NestFactory.createMicroservice(HandlersModule, { strategy: server, logger: false });
    await app.listen();
    try {
      const handler = server.getHandlerByPattern(Topics.invitation);
      const args = [{}, 0, Topics.invitation, undefined, undefined, undefined];
      const context = new KafkaContext(args as unknown as ConstructorParameters<typeof KafkaContext>[0]);
      const result: unknown = await handler?.({ any: 'event' }, context);
      // ServerKafka waits for the chained handlers in the same way before it commits the offset.
      if (isObservable(result)) await lastValueFrom(result);
      expect(consumers.sort()).toEqual(['scheduling.participants', REPORTING_CONSUMER]);
    } finally {
      await app.close();
    }
  });
});
