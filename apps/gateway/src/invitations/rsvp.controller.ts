import { Body, Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, InternalApi, InvitationByTokenView, isInvitationToken, problem, RsvpDto } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { Public } from '../auth/actor.guard';
import { InvitationTokenRoute } from '../auth/throttlers';
import { body } from '../http/contract.pipe';
import { ApiRoute } from '../openapi/api-docs';
import { ServiceClient, ServiceStream } from '../services/service-client';

/**
 * The invitee holds no account: the token from the mail is the credential, and notifications checks it. Internal
 * calls still need a signed actor, so these travel as a read-only one named after the token's purpose (the RSVP
 * routes admit that role); nothing else is authorised on its strength.
 */
export const INVITEE: Actor = { role: 'reader', subject: 'invitation-token' };

const TOKEN = ApiParam({
  name: 'token',
  description: 'The token of the invitation link sent by e-mail (32 characters, base64url)',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{32}$' },
});

/** A malformed token is as unknown as a wrong one; it never reaches the service. */
function checked(token: string): string {
  if (!isInvitationToken(token)) throw new ProblemError(problem(404, 'Invitation for this link was not found'));
  return token;
}

/** The file notifications answered, streamed on as it arrives with the type, name and length it gave. */
function passedOn(answer: ServiceStream): StreamableFile {
  const header = (name: string) => [answer.headers[name]].flat()[0];
  const length = header('content-length');
  return new StreamableFile(answer.body, {
    type: header('content-type'),
    disposition: header('content-disposition'),
    length: length === undefined ? undefined : Number(length),
  });
}

@ApiTags('Invitations (RSVP by token)')
@Public()
@InvitationTokenRoute()
@Controller('invitations')
export class RsvpController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @TOKEN
  @ApiRoute({
    summary: 'See an invitation',
    description:
      'No API key: the token of the invitation link is the credential. The conference, the invitee, the current ' +
      'answer and whether it can still be changed (until the conference starts; never once cancelled). An ' +
      'unknown or malformed token is 404; once the conference ended RSVP_LINK_DAYS_AFTER_END (30) days ago, 410.',
    success: { status: 200, description: 'The invitation', schema: 'InvitationByTokenView' },
    errors: [404, 410],
    secured: false,
  })
  get(@Param('token') token: string): Promise<InvitationByTokenView> {
    return this.services.call(InternalApi.notifications.getInvitationByToken, { token: checked(token) }, INVITEE);
  }

  @Post(':token/rsvp')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @TOKEN
  @ApiRoute({
    summary: 'Answer an invitation',
    description:
      'ACCEPT, DECLINE, or DELEGATE to a named person (delegateName and delegateTitle are then required, and ' +
      'refused with any other answer). The answer may be changed until the conference starts; after that, or for ' +
      'a cancelled conference, 409. Giving the same answer again changes nothing. Each change is announced as ' +
      'notifications.rsvp.received.v1 and shows in the conference’s participants list.',
    body: 'RsvpDto',
    success: { status: 200, description: 'The invitation with its new answer', schema: 'InvitationByTokenView' },
    errors: [400, 404, 409, 410],
    secured: false,
  })
  respond(@Param('token') token: string, @Body(body(RsvpDto)) dto: RsvpDto): Promise<InvitationByTokenView> {
    return this.services.call(
      InternalApi.notifications.respondToInvitation,
      { token: checked(token), ...dto },
      INVITEE,
    );
  }

  @Get(':token/calendar.ics')
  @Header('Cache-Control', 'no-store')
  @TOKEN
  @ApiProduces('text/calendar')
  @ApiRoute({
    summary: 'The invitation’s calendar entry',
    description:
      'An iCalendar (RFC 5545/5546) file for the invitee: METHOD:REQUEST with the conference’s current times and ' +
      'SEQUENCE, or METHOD:CANCEL once the conference is cancelled. The UID stays the same for the conference.',
    success: { status: 200, description: 'text/calendar' },
    errors: [404, 410],
    secured: false,
  })
  async calendar(@Param('token') token: string): Promise<StreamableFile> {
    return passedOn(
      await this.services.open(InternalApi.notifications.getInvitationCalendar, { token: checked(token) }, INVITEE),
    );
  }

  @Get(':token/letter.pdf')
  @Header('Cache-Control', 'no-store')
  @TOKEN
  @ApiProduces('application/pdf')
  @ApiRoute({
    summary: 'The invitation letter (Giấy mời) PDF',
    description:
      'The letter attached to the invitation mail, in the format of Decree 30/2020/NĐ-CP, rendered from the ' +
      'conference’s current data (its number and date of issue stay those of the call). 409 once the conference ' +
      'is cancelled: the letter is withdrawn.',
    success: { status: 200, description: 'application/pdf' },
    errors: [404, 409, 410],
    secured: false,
  })
  async letter(@Param('token') token: string): Promise<StreamableFile> {
    return passedOn(
      await this.services.open(InternalApi.notifications.getInvitationLetter, { token: checked(token) }, INVITEE),
    );
  }
}
