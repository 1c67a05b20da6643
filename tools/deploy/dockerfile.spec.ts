/**
 * apps/<app>/Dockerfile and .dockerignore, read as text: multi-stage from a pinned base image, the Nx build, the
 * run-time packages only, a non-root user, the app's port, a health check on /health/live, `node main.js`; and a
 * build context without node_modules, dist or secrets that still holds what the Dockerfiles copy.
 */
import { appNames } from './code-facts';
import { copiedFromContext, dockerfileProblems, dockerignoreProblems, isIgnored, parseDockerfile } from './dockerfile';
import { codeFacts } from './facts';
import { readText } from './repo';

const facts = codeFacts();
const dockerfile = (app: string) => readText(`apps/${app}/Dockerfile`);
const gateway = () => facts.apps.find((a) => a.name === 'gateway')!;

describe('Dockerfiles', () => {
  it.each(appNames())('apps/%s/Dockerfile follows the rules', (app) => {
    expect(
      dockerfileProblems(
        dockerfile(app),
        facts.apps.find((a) => a.name === app)!,
        facts.envNames,
      ),
    ).toEqual([]);
  });

  it('reads instructions across continuation lines', () => {
    const instructions = parseDockerfile(dockerfile('gateway'));
    expect(instructions.filter((i) => i.keyword === 'FROM')).toHaveLength(3);
    expect(instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args).toMatch(
      /^--interval=\S+ .* CMD \["node", "-e", .*\/health\/live/,
    );
  });

  it('fails on a floating or latest base image', () => {
    const floating = dockerfile('gateway').replace(
      /FROM node:[^ ]+ AS runtime/,
      'FROM node:20-bookworm-slim AS runtime',
    );
    expect(dockerfileProblems(floating, gateway(), facts.envNames)).toEqual([
      'FROM node:20-bookworm-slim: the tag is not an exact version (x.y.z) or digest',
      expect.stringMatching(/^stages use different base images/),
    ]);
    const latest = dockerfile('gateway').replace(/FROM node:[^ ]+ AS/g, 'FROM node:latest AS');
    expect(dockerfileProblems(latest, gateway(), facts.envNames)).toEqual([
      'FROM node:latest: node:latest uses the tag latest',
    ]);
  });

  it('fails on root, a wrong EXPOSE, no HEALTHCHECK, another CMD', () => {
    const bad = dockerfile('gateway')
      .replace(/^USER node$/m, '')
      .replace(/^EXPOSE 3000$/m, 'EXPOSE 8080')
      .replace(/^HEALTHCHECK[^\n]*\\\n[^\n]*\n/m, '')
      .replace(/^CMD .*$/m, 'CMD ["npm", "start"]');
    expect(dockerfileProblems(bad, gateway(), facts.envNames)).toEqual([
      'the final stage runs as root (no USER)',
      'does not EXPOSE 3000 (GATEWAY_PORT)',
      'no HEALTHCHECK',
      'CMD is ["npm", "start"], not ["node", "main.js"]',
    ]);
  });

  it('fails on a single-stage build that ships the dev dependencies', () => {
    const single = [
      'FROM node:20.20.2-bookworm-slim',
      'WORKDIR /app',
      'COPY . .',
      'RUN npm ci && npx nx build gateway',
      'USER node',
      'EXPOSE 3000',
      "HEALTHCHECK CMD node -e \"fetch('http://127.0.0.1:' + (process.env.GATEWAY_PORT || 3000) + '/health/live')\"",
      'CMD ["node", "main.js"]',
    ].join('\n');
    expect(dockerfileProblems(single, gateway(), facts.envNames)).toEqual([
      'not a multi-stage build',
      'the run-time packages are not installed with npm ci --omit=dev',
      'the final stage does not copy dist/apps/gateway',
    ]);
  });
});

describe('.dockerignore', () => {
  const dockerfiles = () => Object.fromEntries(appNames().map((app) => [`apps/${app}/Dockerfile`, dockerfile(app)]));

  it('keeps node_modules, dist, .git and .env out, and lets in everything the Dockerfiles copy', () => {
    expect(copiedFromContext(dockerfile('notifications'))).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'tools/lib/infra.mjs',
        'libs',
        'apps/notifications',
      ]),
    );
    expect(dockerignoreProblems(readText('.dockerignore'), dockerfiles())).toEqual([]);
  });

  it('matches like Docker: folders, ** and re-inclusion', () => {
    const ignore = readText('.dockerignore');
    expect(isIgnored('apps/gateway/src/main.ts', ignore)).toBe(false);
    expect(isIgnored('apps/gateway/src/main.spec.ts', ignore)).toBe(true);
    expect(isIgnored('libs/messaging/node_modules/x/index.js', ignore)).toBe(true);
    expect(isIgnored('tools/start.mjs', ignore)).toBe(true);
    expect(isIgnored('tools/lib/infra.mjs', ignore)).toBe(false);
  });

  it('fails when it lets node_modules in, or keeps out what a Dockerfile copies', () => {
    const broken = readText('.dockerignore')
      .replace(/^\*\*\/node_modules$/m, '')
      .concat('\nlibs\n');
    expect(dockerignoreProblems(broken, dockerfiles())).toEqual([
      '.dockerignore lets node_modules into the build context',
      '.dockerignore lets apps/gateway/node_modules into the build context',
      ...appNames().map((app) => `apps/${app}/Dockerfile copies libs, which .dockerignore excludes`),
    ]);
  });
});
