import { Body, Controller, HttpCode, Param, StreamableFile } from '@nestjs/common';
import { contentDisposition, InternalApi, RsvpDto, validateInto } from '@pressconf/contracts';
import { InternalEndpoint } from '@pressconf/messaging';
import { RsvpService } from '../application/rsvp.service';

/**
 * RSVP by token: the gateway passes the token from the path; the service alone decides whether it is valid. The
 * calendar and the letter are answered as the files themselves, which the gateway streams on unchanged.
 */
@Controller()
export class RsvpController {
  constructor(private readonly rsvp: RsvpService) {}

  @InternalEndpoint(InternalApi.notifications.getInvitationByToken)
  view(@Param('token') token: string) {
    return this.rsvp.view(token);
  }

  @InternalEndpoint(InternalApi.notifications.respondToInvitation)
  @HttpCode(200)
  async respond(@Param('token') token: string, @Body() answer: unknown) {
    return this.rsvp.respond(token, await validateInto(RsvpDto, answer));
  }

  @InternalEndpoint(InternalApi.notifications.getInvitationCalendar)
  async calendar(@Param('token') token: string): Promise<StreamableFile> {
    const file = await this.rsvp.calendar(token);
    return new StreamableFile(Buffer.from(file.content), {
      type: `text/calendar; charset=utf-8; method=${file.method}`,
      // Its names are ASCII (giay-moi.ics, huy-hoi-nghi.ics): the header stays as the API has always sent it.
      disposition: `attachment; filename="${file.filename}"`,
    });
  }

  @InternalEndpoint(InternalApi.notifications.getInvitationLetter)
  async letter(@Param('token') token: string): Promise<StreamableFile> {
    const file = await this.rsvp.letter(token);
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: contentDisposition('attachment', file.filename),
    });
  }
}
