import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Problem } from '@pressconf/contracts';
import { Stack } from '../support/stack';

/**
 * OWASP API8:2023 Security Misconfiguration. Security headers on every answer (helmet; a CSP that lets an API
 * answer load nothing), errors as problem+json without stack traces or internals, the API documentation for
 * callers with a key (GATEWAY_DOCS=authenticated, production's default) with a CSP that Swagger UI runs under
 * without 'unsafe-inline' (checked in Chromium), and X-Forwarded-For not believed unless a proxy is configured.
 */
const CHROMIUM = '/usr/bin/chromium';
const ADDRESS_LIMIT = 3;
const browserIt = existsSync(CHROMIUM) ? it : it.skip;
if (!existsSync(CHROMIUM)) console.warn(`${CHROMIUM} is missing: Swagger UI's browser check is skipped.`);

describe('API8 security misconfiguration', () => {
  let stack: Stack;
  const gateway = () => `http://127.0.0.1:${stack.ports.gateway}`;

  beforeAll(async () => {
    stack = await Stack.start({
      env: { GATEWAY_DOCS: 'authenticated', GATEWAY_RSVP_ADDRESS_RATE_LIMIT: String(ADDRESS_LIMIT) },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('sends the security headers, and a CSP that lets an API answer load nothing', async () => {
    const { headers } = await stack.api('GET', '/agencies');
    expect(headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('answers errors as problem+json, without stack traces or internals', async () => {
    const answers = [
      await stack.api<Problem>('POST', '/agencies', { raw: '{"name": ' }),
      await stack.api<Problem>('GET', '/no-such-route'),
      await stack.api<Problem>('GET', '/conferences/not-a-uuid'),
      await stack.api<Problem>('GET', '/agencies?pageSize=a%27%20OR%201=1'),
      await stack.api<Problem>('DELETE', '/agencies'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect([typeof answer.body.type, typeof answer.body.title, answer.body.status]).toEqual([
        'string',
        'string',
        answer.status,
      ]);
      const text = JSON.stringify(answer.body);
      expect(text).not.toMatch(/\bat \S+ \(|node_modules|\/dist\/|QueryFailedError|SELECT |stack/i);
    }
  });

  it('shows the documentation to callers with a key only, and asks a browser for it', async () => {
    for (const path of ['/docs', '/docs/', '/docs-json', '/asyncapi.json', '/docs/swagger-ui-init.js']) {
      const anonymous = await fetch(`${gateway()}${path}`);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
      const wrong = await fetch(`${gateway()}${path}`, { headers: { 'X-API-Key': 'pk_admin_wrong' } });
      expect({ path, status: wrong.status }).toEqual({ path, status: 401 });
      const withKey = await fetch(`${gateway()}${path}`, { headers: { 'X-API-Key': stack.adminKey } });
      expect({ path, status: withKey.status }).toEqual({ path, status: 200 });
    }
    const basic = `Basic ${Buffer.from(`anyone:${stack.adminKey}`).toString('base64')}`;
    const page = await fetch(`${gateway()}/docs`, { headers: { Authorization: basic } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'sha256-[^']+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  browserIt('runs Swagger UI under its CSP in Chromium, with no violation', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'pressconf-docs-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      headless: true,
      httpCredentials: { username: 'docs', password: stack.adminKey },
    });
    try {
      const page = await browser.newPage();
      const complaints: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text());
      });
      page.on('pageerror', (error) => complaints.push(error.message));
      // Each CSP violation as a console error (the script runs in the page, hence a string).
      await page.addInitScript(
        "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))",
      );
      const response = await page.goto(`${gateway()}/docs`);
      expect(response!.status()).toBe(200);
      await page.locator('.swagger-ui .information-container .title').waitFor();
      await page.locator('.swagger-ui .opblock').first().waitFor();
      expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(20);
      // Swagger UI's own stylesheet applies: the layout is styled, not raw HTML.
      const radius = await page
        .locator('.swagger-ui .opblock')
        .first()
        .evaluate('(element) => getComputedStyle(element).borderRadius');
      expect(radius).not.toBe('0px');
      expect(complaints).toEqual([]);
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('does not believe X-Forwarded-For unless a proxy is configured', async () => {
    const token = () => randomBytes(24).toString('base64url');
    const statuses: number[] = [];
    for (let i = 0; i <= ADDRESS_LIMIT; i += 1) {
      const response = await stack.api('GET', `/invitations/${token()}`, {
        key: null,
        headers: { 'X-Forwarded-For': `198.51.100.${i + 1}` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array<number>(ADDRESS_LIMIT).fill(404), 429]);
  });
});
