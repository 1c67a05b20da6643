import { Global, Module } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { CONSUMER_TIMING, kafkaClientConfig } from '@pressconf/messaging';
import { KAFKA_CLIENT, ServiceBus } from './service-bus';

@Global()
@Module({
  providers: [
    {
      provide: KAFKA_CLIENT,
      useFactory: () =>
        new ClientKafka({
          client: kafkaClientConfig('gateway'),
          consumer: {
            groupId: process.env.GATEWAY_CONSUMER_GROUP ?? 'gateway',
            sessionTimeout: CONSUMER_TIMING.sessionTimeout,
            rebalanceTimeout: CONSUMER_TIMING.rebalanceTimeout,
            heartbeatInterval: CONSUMER_TIMING.heartbeatInterval,
            maxWaitTimeInMs: CONSUMER_TIMING.maxWaitTimeInMs,
            allowAutoTopicCreation: false,
          },
          producer: { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner },
          run: { partitionsConsumedConcurrently: 3 },
        }),
    },
    ServiceBus,
  ],
  exports: [ServiceBus],
})
export class BusModule {}
