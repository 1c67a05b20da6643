import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  Actor,
  DecideInformationOfferDto,
  IdParam,
  InternalApi,
  ListInformationOffersQuery,
  OfferInformationDto,
  validateInto,
} from '@pressconf/contracts';
import { CallingActor, InternalEndpoint } from '@pressconf/messaging';
import { IncomingFile, UploadsService } from '../../files/application/uploads.service';
import { UploadedBody, UploadEndpoint } from '../../files/interface/file-endpoints';
import { DecideInformationOffer } from '../application/decide-information-offer';
import { OfferAttachments } from '../application/offer-attachments';
import { OfferInformation } from '../application/offer-information';
import { ReadInformationOffers } from '../application/read-information-offers';

/** The gateway's internal routes for information offers; they validate, then delegate. */
@Controller()
export class InformationOffersController {
  constructor(
    private readonly offering: OfferInformation,
    private readonly deciding: DecideInformationOffer,
    private readonly reading: ReadInformationOffers,
    private readonly attachments: OfferAttachments,
    private readonly uploads: UploadsService,
  ) {}

  @InternalEndpoint(InternalApi.submissions.offerInformation)
  async offer(@Body() body: unknown, @CallingActor() actor: Actor) {
    return this.offering.execute(await validateInto(OfferInformationDto, body), actor);
  }

  @InternalEndpoint(InternalApi.submissions.listInformationOffers)
  async list(@Query() query: unknown, @CallingActor() actor: Actor) {
    return this.reading.list(await validateInto(ListInformationOffersQuery, query, { forbidUnknown: false }), actor);
  }

  @InternalEndpoint(InternalApi.submissions.getInformationOffer)
  async get(@Param() params: unknown, @CallingActor() actor: Actor) {
    return this.reading.get((await validateInto(IdParam, params)).id, actor);
  }

  @UploadEndpoint(InternalApi.submissions.addInformationOfferAttachment)
  async addAttachment(@Param() params: unknown, @UploadedBody() file: IncomingFile, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.uploads.receive(this.attachments, { offerId: id }, actor, file);
  }

  @InternalEndpoint(InternalApi.submissions.decideInformationOffer)
  @HttpCode(200)
  async decide(@Param() params: unknown, @Body() body: unknown, @CallingActor() actor: Actor) {
    const { id } = await validateInto(IdParam, params);
    return this.deciding.execute(id, await validateInto(DecideInformationOfferDto, body), actor);
  }
}
