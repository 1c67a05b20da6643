import { Global, Module } from '@nestjs/common';
import { ActorTokens } from './actor-tokens';
import { ServiceClient } from './service-client';

@Global()
@Module({ providers: [ActorTokens, ServiceClient], exports: [ServiceClient] })
export class ServicesModule {}
