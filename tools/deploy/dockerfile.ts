/**
 * Checks of apps/<app>/Dockerfile and .dockerignore, read as text (no Docker engine here).
 */
import type { AppFacts } from './code-facts';
import { RUNTIME_ENV_NAMES } from './code-facts';
import { unpinnedImage } from './policy';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
  /** Index of the build stage (FROM) it belongs to; -1 before the first FROM (ARG). */
  stage: number;
}

/** The instructions of a Dockerfile, continuation lines joined, comments and parser directives dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let stage = -1;
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trim().startsWith('#'))) return;
    if (pending !== '' && line.trim().startsWith('#')) return; // comment inside a continued instruction
    if (pending === '') startLine = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = (pending + line).trim();
    pending = '';
    const match = /^(\S+)\s*(.*)$/s.exec(full);
    if (!match) return;
    const keyword = match[1].toUpperCase();
    if (keyword === 'FROM') stage += 1;
    instructions.push({ keyword, args: match[2].replace(/\s+/g, ' ').trim(), line: startLine, stage });
  });
  return instructions;
}

/** The base image of a FROM instruction (without `AS name` and `--platform`). */
const fromImage = (args: string): string => args.split(' ').filter((part) => !part.startsWith('--'))[0] ?? '';

/** An image tag that names an exact release (x.y.z), not a moving one such as `20-bookworm-slim`. */
const exactVersion = (image: string): boolean =>
  /@sha256:[0-9a-f]{64}$/.test(image) || /:[^/]*\d+\.\d+\.\d+/.test(image);

/**
 * The project's rules for an app's Dockerfile: multi-stage; every stage from the same base image, pinned to an exact
 * version; the builder runs `nx build <app>`; a separate stage installs the run-time packages with
 * `npm ci --omit=dev` from the generated manifest; the final stage holds dist/apps/<app>, runs as a non-root user,
 * EXPOSEs the app's port, has a HEALTHCHECK on /health/live at that port, and runs `node main.js`; ENV holds only
 * names the code (or Node.js) reads.
 */
export function dockerfileProblems(text: string, app: AppFacts, envNames: Set<string>): string[] {
  const problems: string[] = [];
  const instructions = parseDockerfile(text);
  const froms = instructions.filter((i) => i.keyword === 'FROM');
  if (froms.length < 2) problems.push('not a multi-stage build');
  const images = new Set(froms.map((f) => fromImage(f.args)));
  for (const image of images) {
    const why = unpinnedImage(image);
    if (why) problems.push(`FROM ${image}: ${why}`);
    else if (!exactVersion(image)) problems.push(`FROM ${image}: the tag is not an exact version (x.y.z) or digest`);
  }
  if (images.size > 1) problems.push(`stages use different base images: ${[...images].join(', ')}`);
  const last = froms.length - 1;
  const finalStage = instructions.filter((i) => i.stage === last);
  const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
  if (!runs.some((r) => new RegExp(`\\bnx build ${app.name}\\b`).test(r)))
    problems.push(`no RUN … nx build ${app.name}`);
  if (!instructions.some((i) => i.stage > 0 && i.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args))) {
    problems.push('the run-time packages are not installed with npm ci --omit=dev');
  }
  if (!finalStage.some((i) => i.keyword === 'COPY' && i.args.includes(`dist/apps/${app.name}`)))
    problems.push(`the final stage does not copy dist/apps/${app.name}`);
  const user = finalStage
    .filter((i) => i.keyword === 'USER')
    .pop()
    ?.args.split(':')[0];
  if (!user) problems.push('the final stage runs as root (no USER)');
  else if (user === 'root' || user === '0') problems.push(`the final stage runs as ${user}`);
  const exposed = finalStage
    .filter((i) => i.keyword === 'EXPOSE')
    .flatMap((i) => i.args.split(' ').map((p) => p.split('/')[0]));
  if (!exposed.includes(String(app.defaultPort))) problems.push(`does not EXPOSE ${app.defaultPort} (${app.portVar})`);
  const healthcheck = finalStage.filter((i) => i.keyword === 'HEALTHCHECK').pop()?.args ?? '';
  if (!healthcheck || /^NONE$/i.test(healthcheck)) problems.push('no HEALTHCHECK');
  else {
    if (!healthcheck.includes('/health/live')) problems.push('the HEALTHCHECK does not probe /health/live');
    if (!healthcheck.includes(app.portVar) || !healthcheck.includes(String(app.defaultPort))) {
      problems.push(`the HEALTHCHECK does not use ${app.portVar} (default ${app.defaultPort})`);
    }
  }
  const cmd = finalStage.filter((i) => i.keyword === 'CMD').pop()?.args;
  let command: unknown;
  try {
    command = cmd ? JSON.parse(cmd) : undefined;
  } catch {
    command = cmd;
  }
  if (JSON.stringify(command) !== JSON.stringify(['node', 'main.js']))
    problems.push(`CMD is ${cmd ?? 'missing'}, not ["node", "main.js"]`);
  if (finalStage.some((i) => i.keyword === 'ENTRYPOINT'))
    problems.push('the final stage sets an ENTRYPOINT (the migration Job overrides the command)');
  for (const env of finalStage.filter((i) => i.keyword === 'ENV')) {
    for (const match of env.args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)) {
      const name = match[1];
      if (!envNames.has(name) && !RUNTIME_ENV_NAMES.has(name)) problems.push(`ENV ${name} is not read by the code`);
    }
  }
  return problems;
}

/** The files a Dockerfile COPYs from the build context (not from another stage). */
export function copiedFromContext(text: string): string[] {
  return parseDockerfile(text)
    .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !/--from=/.test(i.args))
    .flatMap((i) => {
      const parts = i.args.split(' ').filter((p) => !p.startsWith('--'));
      return parts.slice(0, -1);
    });
}

/** .dockerignore semantics, enough for the checks: patterns in order, the last match wins, `!` re-includes, a
 * pattern also excludes everything under a matching folder. */
export function isIgnored(file: string, dockerignore: string): boolean {
  let ignored = false;
  for (const raw of dockerignore.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+/, '').replace(/\/+$/, '');
    const regex = new RegExp(
      `^${pattern
        .split('**')
        .map((part) =>
          part
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]'),
        )
        .join('.*')
        .replace(/\.\*\//g, '(.*/)?')}(/.*)?$`,
    );
    if (regex.test(file)) ignored = !negated;
  }
  return ignored;
}

/** What must stay out of every image, whatever the Dockerfile copies. */
export const MUST_IGNORE = ['node_modules', 'apps/gateway/node_modules', 'dist', '.git', '.env', '.nx'];

export function dockerignoreProblems(dockerignore: string, dockerfiles: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const file of MUST_IGNORE)
    if (!isIgnored(file, dockerignore)) problems.push(`.dockerignore lets ${file} into the build context`);
  for (const [name, text] of Object.entries(dockerfiles)) {
    for (const source of copiedFromContext(text)) {
      if (isIgnored(source.replace(/^\.\//, ''), dockerignore))
        problems.push(`${name} copies ${source}, which .dockerignore excludes`);
    }
  }
  return problems;
}
