import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { problem } from '@pressconf/contracts';
import { Public } from '../auth/actor.guard';
import { InvitationTokenRoute } from '../auth/throttlers';
import { ProblemError } from '@pressconf/messaging';
import { readForm } from '../http/form-body';
import { InviteePages, PageAnswer } from './invitee-pages';
import { PageFiles } from './page-files';
import { PAGE_ROOT, SAVED_FLAG } from './page-model';

/**
 * Only what this page loads, and only from here: no inline script or style (the script is a file), nothing from
 * outside, no framing. It replaces the API's policy that helmet sets (which allows nothing at all).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

function secured(response: Response): Response {
  return response.setHeader('Content-Security-Policy', PAGE_CSP);
}

function send(response: Response, answer: PageAnswer): void {
  // The token in the address is the invitee's credential: keep the page out of caches and search engines.
  secured(response).setHeader('Cache-Control', 'no-store').setHeader('X-Robots-Tag', 'noindex, nofollow');
  if ('redirect' in answer) response.redirect(303, answer.redirect);
  else response.status(answer.status).type('html').send(answer.html);
}

/**
 * The invitee's page (GET /moi/{token}), its no-script form (POST, then a redirect back) and its static files. HTML
 * for people, outside the API's prefix and its OpenAPI document: README describes it.
 */
@ApiExcludeController()
@Public()
@Controller(PAGE_ROOT.slice(1))
export class InviteePageController {
  constructor(
    private readonly pages: InviteePages,
    private readonly files: PageFiles,
  ) {}

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    const asset = this.files.asset(file);
    if (!asset) throw new ProblemError(problem(404, 'No such file'));
    // Pages name their assets with a content hash (?v=…), so a changed file has a new address.
    secured(response).setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.type(asset.mediaType).send(asset.body);
  }

  @Get(':token')
  @InvitationTokenRoute()
  async show(
    @Param('token') token: string,
    @Query(SAVED_FLAG) saved: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.pages.invitation(token, { saved: saved !== undefined }));
  }

  @Post(':token')
  @InvitationTokenRoute()
  async answer(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    send(response, await this.pages.answer(token, await readForm(request)));
  }
}
