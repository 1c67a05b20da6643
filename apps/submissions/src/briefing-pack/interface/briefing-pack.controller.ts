import { Controller, HttpCode, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import {
  Actor,
  BriefingPackFileQuery,
  IdParam,
  InternalApi,
  StoredFileHeaders,
  validateInto,
} from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { storedFileAnswer } from '../../files/interface/file-endpoints';
import { BriefingPackService } from '../application/briefing-pack.service';

@Controller()
export class BriefingPackController {
  constructor(private readonly packs: BriefingPackService) {}

  /** 200 whether or not a version was made: the answer's `created` says which, for the gateway's status. */
  @InternalEndpoint(InternalApi.submissions.compileBriefingPack)
  @HttpCode(200)
  async compile(@Param() params: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.packs.compile(id, actor);
  }

  @InternalEndpoint(InternalApi.submissions.readBriefingPack)
  async read(
    @Param() params: unknown,
    @Query() query: unknown,
    @CallingActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { id } = await validateInto(IdParam, params);
    const file = await this.packs.read(
      id,
      await validateInto(BriefingPackFileQuery, query, { forbidUnknown: false }),
      actor,
    );
    response.setHeader(StoredFileHeaders.packVersion, String(file.version));
    return storedFileAnswer(response, file, 'inline');
  }
}
