import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import type { Authentication } from '../auth/authentication';
import { docsAccess, docsCsp } from './docs-access';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('docsCsp', () => {
  it('allows the inline styles of the page by their hashes, and nothing inline besides', () => {
    const csp = docsCsp('<html><style>\n body { margin: 0 }\n</style><svg style="width:0"></svg></html>');
    expect(csp).toContain(`style-src 'self' ${hash('\n body { margin: 0 }\n')} 'unsafe-hashes' ${hash('width:0')}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(docsCsp('')).toContain("style-src 'self'");
  });
});

describe('docsAccess', () => {
  /** What the middleware did: called next, or answered (status, headers, body). */
  async function run(mode: 'public' | 'authenticated' | 'off', outcome: () => Promise<unknown>, headers = {}) {
    const calls: Array<{ basic?: boolean }> = [];
    const authentication = {
      actorOf: (_: unknown, options: { basic?: boolean }) => {
        calls.push(options);
        return outcome();
      },
    } as unknown as Authentication;
    const answer: { status?: number; headers: Record<string, string>; body?: string; next?: boolean } = { headers: {} };
    const response = {
      setHeader: (name: string, value: string) => (answer.headers[name.toLowerCase()] = value),
      status(status: number) {
        answer.status = status;
        return this;
      },
      type(type: string) {
        answer.headers['content-type'] = type;
        return this;
      },
      send(body: string) {
        answer.body = body;
        return this;
      },
    } as unknown as Response;
    const request = { headers, originalUrl: '/docs-json' } as unknown as Request;
    await new Promise<void>((resolve) => {
      const next: NextFunction = () => {
        answer.next = true;
        resolve();
      };
      docsAccess(mode, authentication)(request, response, next);
      setTimeout(resolve, 50);
    });
    return { ...answer, calls };
  }

  it('lets everyone in when public, and nobody when off', async () => {
    expect((await run('public', () => Promise.resolve(undefined))).next).toBe(true);
    const off = await run('off', () => Promise.resolve({ role: 'admin', subject: 'a' }));
    expect([off.next, off.status, off.headers['content-type']]).toEqual([undefined, 404, 'application/problem+json']);
  });

  it('asks for a key when authenticated, a browser with a Basic login', async () => {
    const anonymous = await run('authenticated', () => Promise.resolve(undefined));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm="/);
    expect(anonymous.calls).toEqual([{ basic: true }]);
    expect((await run('authenticated', () => Promise.resolve({ role: 'reader', subject: 'r' }))).next).toBe(true);
  });

  it('passes on the refusals of authentication with their headers', async () => {
    const limited = await run('authenticated', () =>
      Promise.reject(new ProblemError(problem(429, 'Too many'), { 'Retry-After': '30' })),
    );
    expect([limited.status, limited.headers['retry-after'], limited.headers['www-authenticate']]).toEqual([
      429,
      '30',
      undefined,
    ]);
    const unexpected = await run('authenticated', () => Promise.reject(new Error('database gone')));
    expect(unexpected.status).toBe(500);
    expect(unexpected.body).not.toContain('database gone');
  });
});
