import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { OrientationDocuments } from './application/orientation-documents';
import { OrientationController } from './interface/orientation.controller';

/** The coordinator's orientation documents for a conference. */
@Module({
  imports: [FilesModule],
  controllers: [OrientationController],
  providers: [OrientationDocuments],
})
export class OrientationModule {}
