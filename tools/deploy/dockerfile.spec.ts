/**
 * The Dockerfile, read as text for each app of the workspace (`--build-arg APP=<app>`): multi-stage from a pinned
 * Node.js LTS image that package.json's engines accepts, the Nx build, the run-time packages only, a non-root user,
 * the app's port, a health check on /health/live through the app's port variable, `node main.js`; and a build
 * context without node_modules, dist or secrets that still holds what the Dockerfile copies. Each rule is also shown
 * to fail on a broken Dockerfile.
 */
import { appNames } from './code-facts';
import {
  baseImageOf,
  ciNodeVersion,
  copiedFromContext,
  DOCKERFILE,
  dockerfileProblems,
  dockerignoreProblems,
  enginesNode,
  imageOf,
  isIgnored,
  missingAppProblems,
  MUST_IGNORE,
  nodeImageProblems,
  parseDockerfile,
  resolveDockerfile,
  satisfiesMinimum,
  serviceNodeOptions,
} from './dockerfile';
import { codeFacts } from './facts';
import { exists, readText } from './repo';

const facts = codeFacts();
const dockerfile = () => readText(DOCKERFILE);
const appFacts = (name: string) => facts.apps.find((a) => a.name === name)!;
const problems = (text: string, app = 'gateway') => dockerfileProblems(text, appFacts(app), facts.envNames);

const lacksHeapSettings = () =>
  `NODE_OPTIONS lacks the services' heap settings ${serviceNodeOptions().join(' ')} (tools/lib/service-node-options.json)`;

/** The Dockerfile with one stage (FROM up to the next FROM) removed. */
const withoutStage = (text: string, name: string): string =>
  text.replace(new RegExp(`^FROM [^\\n]* AS ${name}\\n(?:(?!FROM )[^\\n]*\\n)*`, 'm'), '');

describe('Dockerfile', () => {
  it.each(appNames())('the image of %s follows the rules', (app) => {
    expect(problems(dockerfile(), app)).toEqual([]);
  });

  it('is the only Dockerfile: no app keeps one of its own', () => {
    expect(appNames().filter((app) => exists(`apps/${app}/Dockerfile`))).toEqual([]);
  });

  it('builds on a pinned Node.js LTS image that package.json’s engines accepts, the version CI tests on', () => {
    expect(baseImageOf(dockerfile())).toMatch(/^node:\d+\.\d+\.\d+-/);
    expect(ciNodeVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(nodeImageProblems(dockerfile(), enginesNode(), ciNodeVersion())).toEqual([]);
  });

  it('reads instructions across continuation lines', () => {
    const instructions = parseDockerfile(dockerfile());
    expect(instructions.filter((i) => i.keyword === 'HEALTHCHECK')).toHaveLength(appNames().length);
    expect(instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args).toMatch(
      /^--interval=\S+ .* CMD \["node", "-e", .*\/health\/live/,
    );
  });

  it('reads the image of one app as BuildKit does: APP expanded, settings inherited through FROM', () => {
    const stages = resolveDockerfile(dockerfile(), { APP: 'notifications' });
    const image = imageOf(stages);
    expect(image.chain.map((s) => s.name)).toEqual(['runtime-base', 'runtime-notifications', 'runtime']);
    expect(image.built.map((s) => s.name)).toEqual([
      'builder',
      'prod-deps',
      'runtime-base',
      'runtime-notifications',
      'runtime',
    ]);
    expect(image.instructions.filter((i) => i.keyword === 'EXPOSE').map((i) => i.args)).toEqual(['3103']);
    expect(stages.find((s) => s.name === 'builder')?.instructions.map((i) => i.args)).toContain(
      'apps/notifications ./apps/notifications',
    );
  });

  it('fails on a floating or latest base image, or one that package.json’s engines refuses', () => {
    const floating = dockerfile().replace(
      /FROM node:[^ ]+ AS runtime-base/,
      'FROM node:24-bookworm-slim AS runtime-base',
    );
    expect(problems(floating)).toEqual([
      'FROM node:24-bookworm-slim: the tag is not an exact version (x.y.z) or digest',
      expect.stringMatching(/^stages use different base images/),
    ]);
    const latest = dockerfile().replace(/FROM node:[^ ]+ AS/g, 'FROM node:latest AS');
    expect(problems(latest)).toEqual(['FROM node:latest: node:latest uses the tag latest']);
    const old = dockerfile().replace(/FROM node:[^ ]+ AS/g, 'FROM node:20.20.2-bookworm-slim AS');
    expect(problems(old)).toEqual([]);
    expect(nodeImageProblems(old, '>=24.11', '24.21.0')).toEqual([
      'FROM node:20.20.2-bookworm-slim: Node.js 20.20.2 is outside engines.node >=24.11',
      'FROM node:20.20.2-bookworm-slim: Node.js 20.20.2, but CI tests on 24.21.0 (.ci/run)',
    ]);
    const odd = dockerfile().replace(/FROM node:[^ ]+ AS/g, 'FROM node:25.9.0-bookworm-slim AS');
    expect(nodeImageProblems(odd, '>=24.11')).toEqual([
      'FROM node:25.9.0-bookworm-slim: Node.js 25.9.0 is no LTS line',
    ]);
    expect(satisfiesMinimum('24.21.0', '>=24.11')).toBe(true);
    expect(satisfiesMinimum('24.10.9', '>=24.11')).toBe(false);
    expect(satisfiesMinimum('24.21.0', '^24')).toBeUndefined();
  });

  it('fails on root, a wrong EXPOSE, no HEALTHCHECK, another CMD', () => {
    const bad = dockerfile()
      .replace(/^USER node$/m, '')
      .replace(/^EXPOSE 3000$/m, 'EXPOSE 8080')
      .replace(/^(FROM runtime-base AS runtime-gateway\nEXPOSE \d+\n)HEALTHCHECK[^\n]*\\\n[^\n]*\n/m, '$1')
      .replace(/^CMD .*$/m, 'CMD ["npm", "start"]');
    expect(problems(bad)).toEqual([
      'the final stage runs as root (no USER)',
      'does not EXPOSE 3000 (GATEWAY_PORT)',
      'no HEALTHCHECK',
      'CMD is ["npm", "start"], not ["node", "main.js"]',
    ]);
    // The other apps' stages are untouched, except for the USER and CMD that every image shares.
    expect(problems(bad, 'scheduling')).toEqual([
      'the final stage runs as root (no USER)',
      'CMD is ["npm", "start"], not ["node", "main.js"]',
    ]);
  });

  it('fails on an image without the heap settings the services are measured with', () => {
    const flags = serviceNodeOptions();
    expect(flags.length).toBeGreaterThan(0);
    const bare = dockerfile().replace(/^(\s*)NODE_OPTIONS=.*$/m, '$1NODE_OPTIONS=--enable-source-maps');
    expect(problems(bare)).toEqual([lacksHeapSettings()]);
  });

  it('fails on a health check through another app’s port variable', () => {
    const crossed = dockerfile().replace(/process\.env\.SCHEDULING_PORT \|\| 3101/, 'process.env.GATEWAY_PORT || 3101');
    expect(problems(crossed, 'scheduling')).toEqual(['the HEALTHCHECK does not use SCHEDULING_PORT (default 3101)']);
    expect(problems(crossed, 'gateway')).toEqual([]);
  });

  it('fails for an app without its runtime stage', () => {
    const missing = withoutStage(dockerfile(), 'runtime-notifications');
    expect(problems(missing, 'notifications')).toEqual([
      'FROM runtime-${APP:-unset}: names no stage with APP=notifications (runtime-notifications)',
      'does not EXPOSE 3103 (NOTIFICATIONS_PORT)',
      'no HEALTHCHECK',
      lacksHeapSettings(),
    ]);
    expect(problems(missing, 'submissions')).toEqual([]);
  });

  it('stops a build without APP with a message, and fails when it would not', () => {
    expect(missingAppProblems(dockerfile())).toEqual([]);
    expect(missingAppProblems(withoutStage(dockerfile(), 'runtime-unset'))).toEqual([
      'without APP, FROM runtime-${APP:-unset} names no stage (runtime-unset) but an image to pull',
    ]);
    expect(missingAppProblems(dockerfile().replace(/^ARG APP$/m, 'ARG APP=gateway'))).toEqual([
      'without APP, the build does not stop with a message naming --build-arg APP',
    ]);
  });

  it('fails when APP has a default, or a stage uses APP without declaring it', () => {
    const defaulted = dockerfile().replace(/^ARG APP$/m, 'ARG APP=gateway');
    expect(problems(defaulted)).toEqual([
      'ARG APP=gateway: a default builds that app when --build-arg APP is forgotten',
    ]);
    const text = dockerfile();
    const prodDeps = text.indexOf('AS prod-deps');
    const undeclared = text.slice(0, prodDeps) + text.slice(prodDeps).replace(/^ARG APP\n/m, '');
    expect(problems(undeclared)).toEqual([
      expect.stringMatching(/^line \d+: \$APP is empty there \(no ARG APP in its stage prod-deps\)$/),
      'prod-deps does not install from the package.json and package-lock.json that nx build generates in dist/apps/gateway',
    ]);
    const noArg = text.replace(/^ARG APP\n/gm, '');
    expect(problems(noArg)).toEqual(
      expect.arrayContaining([
        'no ARG APP: the app is not a build argument',
        'no RUN … nx build gateway',
        'the final stage does not copy dist/apps/gateway',
      ]),
    );
  });

  it('fails on npm install, and on run-time packages not installed from the app’s manifest in a stage of their own', () => {
    const install = dockerfile().replace(/^RUN npm ci --no-audit --no-fund$/m, 'RUN npm install --no-audit --no-fund');
    expect(problems(install)).toEqual([expect.stringMatching(/^line \d+: npm install may change the lock file/)]);
    const noDeps = dockerfile().replace(/^COPY --from=prod-deps .*\n/m, '');
    expect(problems(noDeps)).toEqual(['the image does not copy node_modules from prod-deps']);
    const rootManifest = dockerfile().replace(
      /^(COPY --from=builder) \/workspace\/dist\/apps\/\$\{APP\}\/package\.json .*$/m,
      '$1 /workspace/package.json /workspace/package-lock.json ./',
    );
    expect(problems(rootManifest)).toEqual([
      'prod-deps does not install from the package.json and package-lock.json that nx build generates in dist/apps/gateway',
    ]);
  });

  it('fails on a single-stage build that ships the dev dependencies', () => {
    const single = [
      'FROM node:24.21.0-bookworm-slim',
      'ARG APP',
      'WORKDIR /app',
      'COPY . .',
      'RUN npm ci && npx nx build $APP',
      'USER node',
      'EXPOSE 3000',
      "HEALTHCHECK CMD node -e \"fetch('http://127.0.0.1:' + (process.env.GATEWAY_PORT || 3000) + '/health/live')\"",
      'CMD ["node", "main.js"]',
    ].join('\n');
    expect(problems(single)).toEqual([
      'not a multi-stage build',
      'the run-time packages are not installed with npm ci --omit=dev in a stage of their own',
      'the final stage does not copy dist/apps/gateway',
      lacksHeapSettings(),
    ]);
  });
});

describe('.dockerignore', () => {
  it('keeps node_modules, dist, .git and .env out, and lets in everything the Dockerfile copies', () => {
    expect(copiedFromContext(dockerfile(), { APP: 'notifications' })).toEqual([
      'package.json',
      'package-lock.json',
      'nx.json',
      'tsconfig.base.json',
      'libs',
      'provinces',
      'apps/notifications',
    ]);
    expect(dockerignoreProblems(readText('.dockerignore'), dockerfile(), appNames())).toEqual([]);
  });

  it('matches like Docker: folders, ** and re-inclusion', () => {
    const ignore = readText('.dockerignore');
    expect(isIgnored('apps/gateway/src/main.ts', ignore)).toBe(false);
    expect(isIgnored('apps/gateway/src/main.spec.ts', ignore)).toBe(true);
    expect(isIgnored('libs/messaging/node_modules/x/index.js', ignore)).toBe(true);
    expect(isIgnored('tools/start.mjs', ignore)).toBe(true);
    expect(isIgnored('tools/lib/infra.mjs', ignore)).toBe(true);
    expect(isIgnored('libs/messaging/src/index.ts', ignore)).toBe(false);
    expect(isIgnored('apps/gateway/test/gateway.e2e-spec.ts', ignore)).toBe(true);
    expect(isIgnored('apps/gateway/src/x.ts', 'apps\n!apps/gateway\n')).toBe(false);
    expect(isIgnored('apps/scheduling/src/x.ts', 'apps\n!apps/gateway\n')).toBe(true);
  });

  it('fails when it lets node_modules in, or keeps out what the Dockerfile copies', () => {
    expect(dockerignoreProblems('libs\nprovinces\n', dockerfile(), appNames())).toEqual([
      ...MUST_IGNORE.map((file) => `.dockerignore lets ${file} into the build context`),
      'Dockerfile copies libs, which .dockerignore excludes',
      'Dockerfile copies provinces, which .dockerignore excludes',
    ]);
    const broken = readText('.dockerignore')
      .replace(/^\*\*\/node_modules$/m, '')
      .concat('\nlibs\napps/submissions\n');
    expect(dockerignoreProblems(broken, dockerfile(), appNames())).toEqual([
      '.dockerignore lets apps/gateway/node_modules into the build context',
      'Dockerfile copies libs, which .dockerignore excludes',
      'Dockerfile copies apps/submissions, which .dockerignore excludes',
    ]);
  });
});
