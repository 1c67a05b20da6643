import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The module boundaries of the workspace, checked on every test run: contracts stay free of Nest and TypeORM,
 * domain folders free of I/O frameworks, apps never import each other, and libs never import apps.
 */
const ROOT = resolve(__dirname, '..');
const APPS = ['gateway', 'scheduling', 'submissions', 'notifications'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

function violations(files: string[], forbidden: (specifier: string, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden(specifier, file))
      .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
  );
}

describe('module boundaries', () => {
  it('libs/contracts imports neither Nest nor TypeORM nor any other lib or app', () => {
    const files = sources(join(ROOT, 'libs/contracts/src'));
    expect(violations(files, (s) => /^@nestjs\/|^typeorm|^@pressconf\/|apps\//.test(s))).toEqual([]);
  });

  it('domain folders stay free of Nest, TypeORM, Kafka and mail', () => {
    const files = APPS.flatMap((app) => sources(join(ROOT, 'apps', app, 'src'))).filter((f) => /\/domain\//.test(f));
    expect(files.length).toBeGreaterThan(5);
    expect(violations(files, (s) => /^@nestjs\/|^typeorm|^kafkajs|^nodemailer|^pg$/.test(s))).toEqual([]);
  });

  it('no app imports another app, and no lib imports an app', () => {
    const problems = [
      ...APPS.flatMap((app) =>
        violations(sources(join(ROOT, 'apps', app, 'src')), (s, file) => {
          if (!s.startsWith('.')) return false;
          const target = relative(ROOT, resolve(file, '..', s));
          return target.startsWith('apps/') && !target.startsWith(`apps/${app}/`);
        }),
      ),
      ...readdirSync(join(ROOT, 'libs')).flatMap((lib) =>
        violations(sources(join(ROOT, 'libs', lib, 'src')), (s, file) => {
          const target = s.startsWith('.') ? relative(ROOT, resolve(file, '..', s)) : s;
          return target.startsWith('apps/');
        }),
      ),
    ];
    expect(problems).toEqual([]);
  });
});
