import { Controller, Param, Query } from '@nestjs/common';
import { Actor, IdParam, InternalApi, OrientationDocumentFields, PageQuery, validateInto } from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { IncomingFile, UploadsService } from '../../files/application/uploads.service';
import { UploadedBody, UploadEndpoint } from '../../files/interface/file-endpoints';
import { OrientationDocuments } from '../application/orientation-documents';

@Controller()
export class OrientationController {
  constructor(
    private readonly documents: OrientationDocuments,
    private readonly uploads: UploadsService,
  ) {}

  /** The file is the body; its title and summary come in the query string. */
  @UploadEndpoint(InternalApi.submissions.addOrientationDocument)
  async add(
    @Param() params: unknown,
    @Query() query: unknown,
    @UploadedBody() file: IncomingFile,
    @CallingActor() actor: Actor,
  ) {
    const { id } = await validateInto(IdParam, params);
    const fields = await validateInto(OrientationDocumentFields, query, { forbidUnknown: false });
    return this.uploads.receive(this.documents, { conferenceId: id, ...fields }, actor, file);
  }

  @InternalEndpoint(InternalApi.submissions.listOrientationDocuments)
  async list(@Param() params: unknown, @Query() query: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.documents.list(id, actor, await validateInto(PageQuery, query, { forbidUnknown: false }));
  }
}
