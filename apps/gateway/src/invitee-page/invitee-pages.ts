import { HttpStatus, Injectable } from '@nestjs/common';
import {
  InternalApi,
  InvitationByTokenView,
  isInvitationToken,
  RespondToInvitationRequest,
  RsvpResponse,
} from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { INVITEE } from '../invitations/rsvp.controller';
import { ServiceClient } from '../services/service-client';
import { PageFiles } from './page-files';
import { invitationPageModel, PAGE_ROOT, SAVED_FLAG } from './page-model';
import { DEFAULT_PAGE_LOCALE } from './page-messages';

export type PageAnswer = { status: number; html: string } | { redirect: string };

const NOT_FOUND = {
  title: 'Không tìm thấy giấy mời',
  message:
    'Đường dẫn không đúng hoặc giấy mời không còn hiệu lực. Xin Ông/Bà mở lại đường dẫn trong thư mời, hoặc trả lời ' +
    'thư mời để liên hệ Ban tổ chức.',
};

/** 410: the conference ended long enough ago (RSVP_LINK_DAYS_AFTER_END) that its links no longer open. */
const EXPIRED = {
  title: 'Giấy mời đã hết hiệu lực',
  message:
    'Hội nghị đã kết thúc, nên đường dẫn trong thư mời không còn sử dụng được. Nếu cần thông tin về hội nghị, xin ' +
    'Ông/Bà liên hệ Ban tổ chức.',
};

const UNAVAILABLE = {
  title: 'Chưa mở được giấy mời',
  message: 'Hệ thống đang bận hoặc đang bảo trì. Xin Ông/Bà thử lại sau ít phút.',
};

/**
 * The invitee's web page: the same internal calls as GET and POST /api/v1/invitations/{token} (so scheduling's
 * participants and notifications.rsvp.received.v1 follow an answer given here exactly as one given through the API),
 * rendered as HTML. A failure is a page too, never a stack trace or a JSON problem shown to a person.
 */
@Injectable()
export class InviteePages {
  constructor(
    private readonly services: ServiceClient,
    private readonly files: PageFiles,
  ) {}

  async invitation(token: string, options: { saved?: boolean; invalid?: boolean } = {}): Promise<PageAnswer> {
    if (!isInvitationToken(token)) return this.failure(404);
    try {
      const view = await this.services.call<InvitationByTokenView>(
        InternalApi.notifications.getInvitationByToken,
        { token },
        INVITEE,
      );
      return {
        status: options.invalid ? 400 : 200,
        html: this.files.render('invitation', invitationPageModel(token, view, options)),
      };
    } catch (error) {
      if (error instanceof ProblemError) return this.failure(error.status);
      throw error;
    }
  }

  /**
   * The page's form posted without script: Post/Redirect/Get, so that a reload does not post again. An incomplete
   * delegation shows the page again with the fault (400); an answer that came too late shows the page, which says
   * why the buttons are gone.
   */
  async answer(token: string, form: URLSearchParams): Promise<PageAnswer> {
    if (!isInvitationToken(token)) return this.failure(404);
    const page = `${PAGE_ROOT}/${encodeURIComponent(token)}`;
    const response = form.get('response') as RsvpResponse;
    const request = {
      token,
      response,
      // The other answers refuse delegate fields, and the delegate form's fields travel with its button only.
      ...(response === 'DELEGATE'
        ? { delegateName: form.get('delegateName') ?? undefined, delegateTitle: form.get('delegateTitle') ?? undefined }
        : {}),
    } satisfies RespondToInvitationRequest;
    try {
      await this.services.call(InternalApi.notifications.respondToInvitation, request, INVITEE);
      return { redirect: `${page}?${SAVED_FLAG}=1` };
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      if (error.status === HttpStatus.BAD_REQUEST) return this.invitation(token, { invalid: true });
      if (error.status === HttpStatus.CONFLICT) return { redirect: page };
      return this.failure(error.status);
    }
  }

  private failure(status: number): PageAnswer {
    const content = status === 404 ? NOT_FOUND : status === 410 ? EXPIRED : UNAVAILABLE;
    // No invitation was read, so no language is known: the province's own.
    return { status, html: this.files.render('error', { ...content, locale: DEFAULT_PAGE_LOCALE }) };
  }
}
