import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { problem, Problem } from '@pressconf/contracts';
import { ProblemError, toProblem } from '@pressconf/messaging';
import type { Authentication } from '../auth/authentication';
import type { DocsMode } from '../config';

/** What GATEWAY_DOCS governs: Swagger UI with its files, the OpenAPI document, the AsyncAPI document. */
export const DOCS_PATHS = ['/docs', '/docs-json', '/asyncapi.json'];

const BASE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy of a Swagger UI page: its scripts are files of this origin; its inline `<style>`
 * blocks and `style` attributes are allowed by their hashes only (computed from the page as served, so an
 * upgrade of Swagger UI cannot silently need `'unsafe-inline'`).
 */
export function docsCsp(html: string): string {
  const blocks = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => sha256(m[1]));
  const styles = [
    "'self'",
    ...new Set(blocks),
    ...(attributes.length ? ["'unsafe-hashes'", ...new Set(attributes)] : []),
  ];
  return [...BASE_POLICY, `style-src ${styles.join(' ')}`].join('; ');
}

/** Sets docsCsp on the HTML pages under /docs (Swagger UI's files get the policy without inline styles). */
export function docsContentSecurityPolicy(): RequestHandler {
  const policies = new Map<string, string>();
  return (_: Request, response: Response, next: NextFunction) => {
    response.setHeader('Content-Security-Policy', docsCsp(''));
    const send = response.send.bind(response);
    response.send = (body?: unknown) => {
      if (typeof body === 'string' && body.includes('<html')) {
        if (!policies.has(body)) policies.set(body, docsCsp(body));
        response.setHeader('Content-Security-Policy', policies.get(body)!);
      }
      return send(body);
    };
    next();
  };
}

function sendProblem(response: Response, request: Request, body: Problem): void {
  response
    .status(body.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...body, instance: request.originalUrl.split('?')[0] }));
}

/**
 * GATEWAY_DOCS: `public` lets everyone in; `off` answers 404 as if nothing were there; `authenticated` wants a
 * valid API key or bearer token of any role, and asks a browser for the key as the password of a Basic login
 * (failed attempts count against the address like any other).
 */
export function docsAccess(mode: DocsMode, authentication: Authentication): RequestHandler {
  const logger = new Logger('DocsAccess');
  return (request: Request, response: Response, next: NextFunction) => {
    if (mode === 'public') return next();
    if (mode === 'off')
      return sendProblem(response, request, problem(404, 'The API documentation is not published here.'));
    const challenge = () =>
      response.setHeader('WWW-Authenticate', 'Basic realm="pressconf API documentation", charset="UTF-8"');
    authentication.actorOf(request, { basic: true }).then(
      (actor) => {
        if (actor) return next();
        challenge();
        sendProblem(
          response,
          request,
          problem(
            401,
            'The API documentation needs an API key: in X-API-Key, or as the password when the browser asks.',
          ),
        );
      },
      (error: unknown) => {
        const body = toProblem(error, logger);
        if (body.status === 401) challenge();
        if (error instanceof ProblemError) {
          for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
        }
        sendProblem(response, request, body);
      },
    );
  };
}
