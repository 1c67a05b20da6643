import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/actor.guard';
import { buildAsyncApi } from './asyncapi';

/** The event surface for services that consume the streams. */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller()
export class AsyncApiController {
  private document?: Record<string, unknown>;

  @Get('asyncapi.json')
  asyncApi(): Record<string, unknown> {
    this.document ??= buildAsyncApi();
    return this.document;
  }
}
