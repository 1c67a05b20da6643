/**
 * Checks of the Dockerfile (one for every app, which the build argument APP names) and of .dockerignore, read as
 * text (no Docker engine here). The Dockerfile is read the way BuildKit reads it for one value of APP: variables
 * expanded where Docker expands them, and the image's settings inherited through the stages it is built FROM.
 */
import type { AppFacts } from './code-facts';
import { RUNTIME_ENV_NAMES } from './code-facts';
import { unpinnedImage } from './policy';
import { readText } from './repo';

/** The Dockerfile of every app, at the repository root (the build context). */
export const DOCKERFILE = 'Dockerfile';

/** The heap settings every service runs with, wherever it runs (tools/lib/infra.mjs reads the same file). */
export const SERVICE_NODE_OPTIONS = 'tools/lib/service-node-options.json';
export const serviceNodeOptions = (): string[] =>
  (JSON.parse(readText(SERVICE_NODE_OPTIONS)) as { nodeOptions: string }).nodeOptions.split(/\s+/).filter(Boolean);

/** The build argument that names the app to build: `docker build --build-arg APP=gateway …`. */
export const APP_ARG = 'APP';

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

// ----------------------------------------------------------------------------------------------------------------
// Variables and stages, as BuildKit resolves them

/** `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}`. */
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The names of the variables a text refers to. */
const variablesIn = (text: string): string[] => [...text.matchAll(VARIABLE)].map((m) => m[1] ?? m[4] ?? '');

/**
 * A text with its variables replaced by their values. A name without a value becomes '' (as Docker does), or stays
 * as written with `keepUnknown` (a RUN's shell also sees the base image's environment, which is not known here).
 */
export function expand(text: string, values: ReadonlyMap<string, string>, keepUnknown = false): string {
  return text.replace(
    VARIABLE,
    (
      written: string,
      braced: string | undefined,
      operator: string | undefined,
      word: string | undefined,
      bare: string | undefined,
    ) => {
      const value = values.get(braced ?? bare ?? '');
      if (value === undefined && keepUnknown) return written;
      if (operator === ':-') return value ? value : (word ?? '');
      if (operator === ':+') return value ? (word ?? '') : '';
      return value ?? '';
    },
  );
}

/**
 * The instructions whose arguments Docker expands from ARG and ENV values (the Dockerfile reference's "Environment
 * replacement"), and RUN, whose shell has them in its environment. CMD, ENTRYPOINT and HEALTHCHECK are left alone:
 * their shell runs in the container.
 */
const EXPANDED = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'ONBUILD',
  'RUN',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** The names an ARG declares, each with its default when it has one: `ARG A`, `ARG A=1 B=2`. */
function argDeclarations(args: string): Array<{ name: string; value?: string }> {
  return args
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => {
      const equals = word.indexOf('=');
      return equals < 0
        ? { name: word }
        : { name: word.slice(0, equals), value: word.slice(equals + 1).replace(/^"(.*)"$/, '$1') };
    });
}

/** The variables an ENV sets: `ENV A=1 B="x y"`, or the older `ENV A value`. */
function envDeclarations(args: string): Array<{ name: string; value: string }> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    const [name = '', ...rest] = args.split(' ');
    return [{ name, value: rest.join(' ') }];
  }
  return [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)].map((m) => ({
    name: m[1],
    value: m[2].replace(/^"(.*)"$/, '$1'),
  }));
}

export interface Stage {
  index: number;
  /** The name after AS, lower-cased as Docker compares it. */
  name?: string;
  /** What FROM names, variables expanded: an image, or an earlier stage. */
  base: string;
  /** The FROM instruction as written. */
  from: Instruction;
  /** The earlier stage that FROM names, if it names one. */
  parent?: Stage;
  /** The instructions after FROM, variables expanded. */
  instructions: Instruction[];
  /** The ENV values the stage has at its end (its parent's included), for the stages built FROM it. */
  env: Map<string, string>;
  /** Build arguments an instruction uses where they are not declared: Docker makes them ''. */
  undeclared: Array<{ name: string; line: number }>;
}

/**
 * The stages of a Dockerfile built with these build arguments (`--build-arg NAME=value`). An ARG before the first
 * FROM is seen by the FROM lines only; a stage sees a build argument from its own ARG on, and inherits the ENV, not
 * the ARGs, of the stage it is built FROM.
 */
export function resolveDockerfile(text: string, buildArgs: Record<string, string>): Stage[] {
  const instructions = parseDockerfile(text);
  const argNames = new Set(
    instructions.filter((i) => i.keyword === 'ARG').flatMap((i) => argDeclarations(i.args).map((d) => d.name)),
  );
  const globals = new Map<string, string>();
  for (const i of instructions.filter((x) => x.stage === -1 && x.keyword === 'ARG')) {
    for (const { name, value } of argDeclarations(i.args))
      globals.set(name, buildArgs[name] ?? (value === undefined ? '' : expand(value, globals)));
  }
  const undeclaredIn = (args: string, line: number, scope: ReadonlyMap<string, string>) =>
    [...new Set(variablesIn(args))]
      .filter((name) => argNames.has(name) && !scope.has(name))
      .map((name) => ({ name, line }));

  const stages: Stage[] = [];
  for (const from of instructions.filter((i) => i.keyword === 'FROM')) {
    const words = expand(from.args, globals)
      .split(' ')
      .filter((word) => word !== '' && !word.startsWith('--'));
    const base = words[0] ?? '';
    const name = words[1]?.toUpperCase() === 'AS' ? words[2]?.toLowerCase() : undefined;
    const parent = stages.find((s) => s.name !== undefined && s.name === base.toLowerCase());
    const env = new Map(parent?.env ?? []);
    const scope = new Map(env);
    const undeclared = undeclaredIn(from.args, from.line, globals);
    const resolved: Instruction[] = [];
    for (const i of instructions.filter((x) => x.stage === from.stage && x.keyword !== 'FROM')) {
      if (i.keyword === 'ARG') {
        for (const { name: arg, value } of argDeclarations(i.args))
          scope.set(arg, buildArgs[arg] ?? (value === undefined ? (globals.get(arg) ?? '') : expand(value, scope)));
        resolved.push(i);
        continue;
      }
      if (!EXPANDED.has(i.keyword)) {
        resolved.push(i);
        continue;
      }
      undeclared.push(...undeclaredIn(i.args, i.line, scope));
      const args = expand(i.args, scope, i.keyword === 'RUN');
      resolved.push({ ...i, args });
      if (i.keyword === 'ENV') {
        for (const { name: variable, value } of envDeclarations(args)) {
          env.set(variable, value);
          scope.set(variable, value);
        }
      }
    }
    stages.push({ index: from.stage, name, base, from, parent, instructions: resolved, env, undeclared });
  }
  return stages;
}

/** The stage a `--from=` or a mount's `from=` names: a stage name or index; undefined for an image. */
function stageNamed(stages: Stage[], ref: string): Stage | undefined {
  if (/^\d+$/.test(ref)) return stages[Number(ref)];
  return stages.find((s) => s.name === ref.toLowerCase());
}

/** The stages an instruction copies or mounts from. */
function stagesUsedBy(stages: Stage[], i: Instruction): Stage[] {
  const refs =
    i.keyword === 'COPY' || i.keyword === 'ADD'
      ? [...i.args.matchAll(/--from=(\S+)/g)].map((m) => m[1])
      : i.keyword === 'RUN'
        ? [...i.args.matchAll(/--mount=\S*?\bfrom=([^,\s]+)/g)].map((m) => m[1])
        : [];
  return refs.flatMap((ref) => stageNamed(stages, ref) ?? []);
}

/** An image as the Dockerfile builds it: the final stage with what it inherits from the stages it is built FROM. */
export interface Image {
  /** The stages whose file system and settings the image is made of, the final stage last. */
  chain: Stage[];
  /** Every stage the build runs: the chain and the stages it copies or mounts from, transitively. */
  built: Stage[];
  /** The instructions of the chain in order: the image's settings (the last USER, CMD, HEALTHCHECK wins). */
  instructions: Instruction[];
}

export function imageOf(stages: Stage[]): Image {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stages.at(-1); s; s = s.parent) chain.unshift(s);
  const built = new Set<Stage>();
  const visit = (stage: Stage): void => {
    if (built.has(stage)) return;
    built.add(stage);
    if (stage.parent) visit(stage.parent);
    for (const i of stage.instructions) stagesUsedBy(stages, i).forEach(visit);
  };
  chain.forEach(visit);
  return {
    chain,
    built: stages.filter((s) => built.has(s)),
    instructions: chain.flatMap((s) => s.instructions),
  };
}

// ----------------------------------------------------------------------------------------------------------------
// The rules

/** The base image of a FROM instruction (without `AS name` and `--platform`). */
const fromImage = (args: string): string => args.split(' ').filter((part) => !part.startsWith('--'))[0] ?? '';

/** An image tag that names an exact release (x.y.z), not a moving one such as `24-bookworm-slim`. */
const exactVersion = (image: string): boolean =>
  /@sha256:[0-9a-f]{64}$/.test(image) || /:[^/]*\d+\.\d+\.\d+/.test(image);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The images FROM names that are no stage of the Dockerfile: what the build pulls. */
const externalStages = (stages: Stage[]): Stage[] => stages.filter((s) => !s.parent);

/** A FROM with a variable that names no stage, e.g. `runtime-${APP}` for an app without its stage. */
const namesMissingStage = (stage: Stage): boolean =>
  stage.from.args.includes('$') && /^[a-z0-9][a-z0-9._-]*$/.test(stage.base);

/**
 * The project's rules for the image of one app, built from the Dockerfile with `--build-arg APP=<app>`:
 * - the app is the build argument APP, which has no default (a build that forgets it must fail, not build some
 *   app), and every stage that uses it declares it;
 * - multi-stage; every stage pulled from the same base image, pinned to an exact version;
 * - the build runs `nx build <app>`, never `npm install` (which may change the lock file), and a separate stage
 *   installs the run-time packages with `npm ci --omit=dev` from the package.json and lock file that the build
 *   generates for the app, and the image copies its node_modules;
 * - the image holds dist/apps/<app>, runs as a non-root user, EXPOSEs the app's port, has a HEALTHCHECK on
 *   /health/live at that port read from the app's own port variable, runs `node main.js` without an ENTRYPOINT (the
 *   migration Job replaces the command); its ENV holds only names the code (or Node.js) reads, and its NODE_OPTIONS
 *   the services' heap settings, as `npm start`, the benchmark and the tests run them.
 */
export function dockerfileProblems(text: string, app: AppFacts, envNames: Set<string>): string[] {
  const problems: string[] = [];
  const appArgs = parseDockerfile(text)
    .filter((i) => i.keyword === 'ARG')
    .flatMap((i) => argDeclarations(i.args).filter((d) => d.name === APP_ARG));
  if (appArgs.length === 0) problems.push(`no ARG ${APP_ARG}: the app is not a build argument`);
  for (const { value } of appArgs.filter((d) => d.value !== undefined))
    problems.push(`ARG ${APP_ARG}=${value}: a default builds that app when --build-arg ${APP_ARG} is forgotten`);

  const stages = resolveDockerfile(text, { [APP_ARG]: app.name });
  for (const s of stages) {
    for (const { name, line } of s.undeclared)
      problems.push(`line ${line}: $${name} is empty there (no ARG ${name} in its stage${s.name ? ` ${s.name}` : ''})`);
  }
  if (stages.length < 2) problems.push('not a multi-stage build');
  const images = new Set<string>();
  for (const s of externalStages(stages)) {
    if (namesMissingStage(s))
      problems.push(`FROM ${fromImage(s.from.args)}: names no stage with ${APP_ARG}=${app.name} (${s.base})`);
    else images.add(s.base);
  }
  for (const image of images) {
    const why = unpinnedImage(image);
    if (why) problems.push(`FROM ${image}: ${why}`);
    else if (!exactVersion(image)) problems.push(`FROM ${image}: the tag is not an exact version (x.y.z) or digest`);
  }
  if (images.size > 1) problems.push(`stages use different base images: ${[...images].join(', ')}`);

  const image = imageOf(stages);
  const runs = image.built.flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN'));
  if (!runs.some((r) => new RegExp(`\\bnx build ["']?${escapeRegExp(app.name)}["']?(\\s|$)`).test(r.args)))
    problems.push(`no RUN … nx build ${app.name}`);
  for (const r of runs.filter((x) => /\bnpm (install|i|add)\b/.test(x.args)))
    problems.push(`line ${r.line}: npm install may change the lock file (use npm ci)`);
  const prodDeps = stages.filter(
    (s) =>
      !image.chain.includes(s) &&
      s.instructions.some((i) => i.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args)),
  );
  const copiesNodeModules = (i: Instruction) =>
    i.keyword === 'COPY' &&
    /\bnode_modules\b/.test(i.args) &&
    stagesUsedBy(stages, i).some((s) => prodDeps.includes(s));
  if (prodDeps.length === 0)
    problems.push('the run-time packages are not installed with npm ci --omit=dev in a stage of their own');
  else if (!image.instructions.some(copiesNodeModules))
    problems.push(`the image does not copy node_modules from ${prodDeps[0].name ?? `stage ${prodDeps[0].index}`}`);
  const generated = (file: string) => new RegExp(`dist/apps/${escapeRegExp(app.name)}/${file}(\\s|$)`);
  for (const s of prodDeps) {
    const copies = s.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    if (
      !copies.some((c) => generated('package\\.json').test(c)) ||
      !copies.some((c) => generated('package-lock\\.json').test(c))
    )
      problems.push(
        `${s.name ?? `stage ${s.index}`} does not install from the package.json and package-lock.json that nx build generates in dist/apps/${app.name}`,
      );
  }
  const copiesApp = new RegExp(`dist/apps/${escapeRegExp(app.name)}(/|\\s|$)`);
  if (!image.instructions.some((i) => i.keyword === 'COPY' && copiesApp.test(i.args)))
    problems.push(`the final stage does not copy dist/apps/${app.name}`);

  const settings = (keyword: string) => image.instructions.filter((i) => i.keyword === keyword);
  const user = settings('USER').pop()?.args.split(':')[0];
  if (!user) problems.push('the final stage runs as root (no USER)');
  else if (user === 'root' || user === '0') problems.push(`the final stage runs as ${user}`);
  const exposed = settings('EXPOSE').flatMap((i) => i.args.split(' ').map((p) => p.split('/')[0]));
  if (!exposed.includes(String(app.defaultPort))) problems.push(`does not EXPOSE ${app.defaultPort} (${app.portVar})`);
  const healthcheck = settings('HEALTHCHECK').pop()?.args ?? '';
  if (!healthcheck || /^NONE$/i.test(healthcheck)) problems.push('no HEALTHCHECK');
  else {
    if (!healthcheck.includes('/health/live')) problems.push('the HEALTHCHECK does not probe /health/live');
    if (
      !new RegExp(`\\b${app.portVar}\\b`).test(healthcheck) ||
      !new RegExp(`\\b${app.defaultPort}\\b`).test(healthcheck)
    ) {
      problems.push(`the HEALTHCHECK does not use ${app.portVar} (default ${app.defaultPort})`);
    }
  }
  const cmd = settings('CMD').pop()?.args;
  let command: unknown;
  try {
    command = cmd ? JSON.parse(cmd) : undefined;
  } catch {
    command = cmd;
  }
  if (JSON.stringify(command) !== JSON.stringify(['node', 'main.js']))
    problems.push(`CMD is ${cmd ?? 'missing'}, not ["node", "main.js"]`);
  if (settings('ENTRYPOINT').length > 0)
    problems.push('the final stage sets an ENTRYPOINT (the migration Job overrides the command)');
  const nodeOptions = (image.chain.at(-1)?.env.get('NODE_OPTIONS') ?? '').split(/\s+/);
  const missingFlags = serviceNodeOptions().filter((flag) => !nodeOptions.includes(flag));
  if (missingFlags.length > 0)
    problems.push(`NODE_OPTIONS lacks the services' heap settings ${missingFlags.join(' ')} (${SERVICE_NODE_OPTIONS})`);
  for (const env of settings('ENV')) {
    for (const { name } of envDeclarations(env.args)) {
      if (!envNames.has(name) && !RUNTIME_ENV_NAMES.has(name)) problems.push(`ENV ${name} is not read by the code`);
    }
  }
  return problems;
}

/**
 * A build that forgets `--build-arg APP` stops with a message that names the build argument: with APP unset, the
 * image is built FROM a stage of the Dockerfile (not an image pulled by a half-empty name such as `runtime-`) where
 * a RUN fails.
 */
export function missingAppProblems(text: string): string[] {
  const stages = resolveDockerfile(text, {});
  const image = imageOf(stages);
  const missing = externalStages(image.chain).find(namesMissingStage);
  if (missing)
    return [
      `without ${APP_ARG}, FROM ${fromImage(missing.from.args)} names no stage (${missing.base}) but an image to pull`,
    ];
  const stops = image.chain
    .flatMap((s) => s.instructions)
    .some(
      (i) =>
        i.keyword === 'RUN' &&
        i.args.includes(`--build-arg ${APP_ARG}`) &&
        /\bexit [1-9]\d*\s*$|\bfalse\s*$/.test(i.args),
    );
  return stops ? [] : [`without ${APP_ARG}, the build does not stop with a message naming --build-arg ${APP_ARG}`];
}

/** The Node.js version of an official node image (`node:24.21.0-bookworm-slim` → 24.21.0). */
export const nodeVersionOfImage = (image: string): string | undefined =>
  /^(?:docker\.io\/(?:library\/)?)?node:(\d+\.\d+\.\d+)(?:[-@]|$)/.exec(image)?.[1];

/** package.json's engines.node. */
export const enginesNode = (): string => {
  const manifest = JSON.parse(readText('package.json')) as { engines?: { node?: string } };
  return manifest.engines?.node ?? '';
};

/** Whether a version x.y.z satisfies a range of the form `>=x`, `>=x.y` or `>=x.y.z`; undefined for another form. */
export function satisfiesMinimum(version: string, range: string): boolean | undefined {
  const minimum = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!minimum) return undefined;
  const have = version.split('.').map(Number);
  for (let part = 0; part < 3; part += 1) {
    const want = Number(minimum[part + 1] ?? 0);
    if (have[part] !== want) return have[part] > want;
  }
  return true;
}

/** The Node.js version CI runs on (NODE_VERSION in .ci/run, fetched from npm where the machine's is older). */
export const ciNodeVersion = (): string | undefined => /^NODE_VERSION=(\S+)$/m.exec(readText('.ci/run'))?.[1];

/**
 * The images the Dockerfile pulls are the official Node.js image, of an LTS line (even major), of a version that
 * package.json's engines.node accepts and, when given, of the version CI tests on: the images run what is tested.
 */
export function nodeImageProblems(text: string, engines: string, ciVersion?: string): string[] {
  const problems: string[] = [];
  const images = new Set(
    externalStages(resolveDockerfile(text, {}))
      .filter((s) => !namesMissingStage(s))
      .map((s) => s.base),
  );
  for (const image of images) {
    const version = nodeVersionOfImage(image);
    if (!version) {
      problems.push(`FROM ${image}: not the official node image at an exact version`);
      continue;
    }
    if (Number(version.split('.')[0]) % 2 === 1) problems.push(`FROM ${image}: Node.js ${version} is no LTS line`);
    const satisfied = satisfiesMinimum(version, engines);
    if (satisfied === undefined) problems.push(`engines.node ${engines}: only a >=x.y.z range is understood here`);
    else if (!satisfied) problems.push(`FROM ${image}: Node.js ${version} is outside engines.node ${engines}`);
    if (ciVersion !== undefined && version !== ciVersion)
      problems.push(`FROM ${image}: Node.js ${version}, but CI tests on ${ciVersion} (.ci/run)`);
  }
  return problems;
}

/** The base image the Dockerfile builds every app on (the first image it pulls). */
export function baseImageOf(text: string): string | undefined {
  return externalStages(resolveDockerfile(text, {})).find((s) => !namesMissingStage(s))?.base;
}

// ----------------------------------------------------------------------------------------------------------------
// .dockerignore

/** The files a Dockerfile built with these build arguments COPYs from the build context (not from another stage). */
export function copiedFromContext(text: string, buildArgs: Record<string, string> = {}): string[] {
  return resolveDockerfile(text, buildArgs)
    .flatMap((s) => s.instructions)
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
export const MUST_IGNORE = [
  'node_modules',
  'apps/gateway/node_modules',
  'dist',
  '.git',
  '.env',
  'apps/gateway/.env',
  '.npmrc',
  '.nx',
];

/** The build context keeps MUST_IGNORE out and lets in what the Dockerfile copies for each app. */
export function dockerignoreProblems(dockerignore: string, dockerfile: string, apps: string[]): string[] {
  const problems: string[] = [];
  for (const file of MUST_IGNORE)
    if (!isIgnored(file, dockerignore)) problems.push(`.dockerignore lets ${file} into the build context`);
  const sources = new Set(apps.flatMap((app) => copiedFromContext(dockerfile, { [APP_ARG]: app })));
  for (const source of sources) {
    if (isIgnored(source.replace(/^\.\//, ''), dockerignore))
      problems.push(`${DOCKERFILE} copies ${source}, which .dockerignore excludes`);
  }
  return problems;
}
