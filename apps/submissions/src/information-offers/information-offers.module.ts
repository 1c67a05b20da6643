import { Module } from '@nestjs/common';
import { BriefRequestsModule } from '../brief-requests/brief-requests.module';
import { BriefsModule } from '../briefs/briefs.module';
import { FilesModule } from '../files/files.module';
import { DecideInformationOffer } from './application/decide-information-offer';
import { OfferAttachments } from './application/offer-attachments';
import { OfferInformation } from './application/offer-information';
import { ReadInformationOffers } from './application/read-information-offers';
import { InformationOffersController } from './interface/information-offers.controller';

/** Information agencies offer on their own initiative, and the coordinator's decision on it (plan IV.2, IV.4). */
@Module({
  imports: [FilesModule, BriefsModule, BriefRequestsModule],
  controllers: [InformationOffersController],
  providers: [OfferInformation, DecideInformationOffer, ReadInformationOffers, OfferAttachments],
})
export class InformationOffersModule {}
