import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  InvitationTokenRequest,
  RespondToInvitationRequest,
  RpcPatterns,
  RpcRequest,
  RsvpDto,
  validateInto,
} from '@pressconf/contracts';
import { RsvpService } from '../application/rsvp.service';

/** RSVP by token: the gateway passes the token from the path; the service alone decides whether it is valid. */
@Controller()
export class RsvpController {
  constructor(private readonly rsvp: RsvpService) {}

  @MessagePattern(RpcPatterns.notifications.getInvitationByToken)
  view(@Payload() request: RpcRequest<InvitationTokenRequest>) {
    return this.rsvp.view(String(request.body?.token ?? ''));
  }

  @MessagePattern(RpcPatterns.notifications.respondToInvitation)
  async respond(@Payload() request: RpcRequest<RespondToInvitationRequest>) {
    const { token, ...answer } = request.body ?? { token: '' };
    return this.rsvp.respond(String(token ?? ''), await validateInto(RsvpDto, answer));
  }

  @MessagePattern(RpcPatterns.notifications.getInvitationCalendar)
  calendar(@Payload() request: RpcRequest<InvitationTokenRequest>) {
    return this.rsvp.calendar(String(request.body?.token ?? ''));
  }

  @MessagePattern(RpcPatterns.notifications.getInvitationLetter)
  letter(@Payload() request: RpcRequest<InvitationTokenRequest>) {
    return this.rsvp.letter(String(request.body?.token ?? ''));
  }
}
