/**
 * Validates Kubernetes manifests against the Kubernetes API schemas, refusing unknown fields, without a cluster:
 *
 * 1. Built-in kinds: the JSON schema of kubernetes-models (`new Deployment(doc).validate()`): types, required
 *    fields, formats. Those schemas accept unknown fields, hence:
 * 2. Every manifest, built-in or operator resource, is type-checked by the TypeScript compiler as an object literal
 *    of its API type (`const m: IDeployment = {...}`): TypeScript's excess-property check refuses any field the
 *    type does not declare, at any depth (a misspelt `readinessProbe`, a field at the wrong level), and the literal
 *    types refuse wrong enumerations. Built-in kinds use kubernetes-models' types; Strimzi and CloudNativePG
 *    resources use the hand-written types of crd-types.ts (a subset of those CRDs, see there).
 * 3. A manifest of a kind known to neither is an error: nothing is skipped silently.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CRD_TYPE_NAMES } from './crd-types';
import { Manifest, ROOT } from './repo';

export const describeManifest = (m: Manifest): string =>
  `${m.source}: ${m.doc?.kind ?? '?'}/${m.doc?.metadata?.name ?? '?'}`;

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** The kubernetes-models class of a built-in kind, or undefined (unknown group/version/kind). */
function builtInModel(apiVersion: string, kind: string): ModelClass | undefined {
  if (!/^[a-z0-9.]*\/?v\d+((alpha|beta)\d+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is chosen at run time by apiVersion
    const group = require(`kubernetes-models/${apiVersion}`) as Record<string, unknown>;
    const model = group[kind] as (ModelClass & { kind?: string }) | undefined;
    return typeof model === 'function' && model.kind === kind ? model : undefined;
  } catch {
    return undefined;
  }
}

/** The TypeScript type of a manifest: [import specifier, type name], or undefined. */
function typeOf(apiVersion: string, kind: string): { module: string; typeName: string } | undefined {
  const crd = CRD_TYPE_NAMES[`${apiVersion}|${kind}`];
  if (crd) return { module: path.join(ROOT, 'tools/deploy/crd-types'), typeName: crd };
  if (builtInModel(apiVersion, kind)) return { module: `kubernetes-models/${apiVersion}`, typeName: `I${kind}` };
  return undefined;
}

/**
 * The manifest as the API server reads it: a Secret's `data` may be base64 wrapped over lines (kustomize wraps long
 * values), which Go's decoder accepts and the schema's `byte` format does not.
 */
function asServerReadsIt(doc: Manifest['doc']): Manifest['doc'] {
  if (doc.kind !== 'Secret' || !doc.data) return doc;
  const data = Object.fromEntries(
    Object.entries(doc.data).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\r\n]/g, '') : v]),
  );
  return { ...doc, data };
}

function runtimeSchemaProblems(manifest: Manifest, apiVersion: string, kind: string): string[] {
  const model = builtInModel(apiVersion, kind);
  if (!model) return [];
  try {
    new model(asServerReadsIt(manifest.doc)).validate();
    return [];
  } catch (error) {
    const details = (error as { errors?: Array<{ instancePath: string; message?: string }> }).errors;
    if (!details) return [`${describeManifest(manifest)}: ${(error as Error).message}`];
    return details.map((d) => `${describeManifest(manifest)}: ${d.instancePath || '/'} ${d.message ?? 'is invalid'}`);
  }
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  types: [],
  lib: ['lib.es2022.d.ts'],
};

/** Parsed declaration files, kept across checks: the typings do not change during a test run. */
const sourceFileCache = new Map<string, ts.SourceFile>();

function typeCheckProblems(manifests: Manifest[]): string[] {
  const virtualFile = path.join(ROOT, 'tools/deploy/__manifests_under_check__.ts');
  const imports = new Map<string, string>(); // module → alias
  const ranges: Array<{ start: number; end: number; manifest: Manifest }> = [];
  let body = '';
  for (const manifest of manifests) {
    const { apiVersion, kind } = manifest.doc;
    const type = typeof apiVersion === 'string' && typeof kind === 'string' ? typeOf(apiVersion, kind) : undefined;
    if (!type) continue;
    if (!imports.has(type.module)) imports.set(type.module, `T${imports.size}`);
    const declaration = `const m${ranges.length}: ${imports.get(type.module)}.${type.typeName} = ${JSON.stringify(manifest.doc, null, 1)};\n`;
    ranges.push({ start: body.length, end: body.length + declaration.length, manifest });
    body += declaration;
  }
  if (ranges.length === 0) return [];
  const header = [...imports]
    .map(([module, alias]) => `import type * as ${alias} from ${JSON.stringify(module)};\n`)
    .join('');
  const text = header + body;

  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (path.resolve(fileName) === virtualFile) return ts.createSourceFile(fileName, text, languageVersion, true);
    const cached = sourceFileCache.get(fileName);
    if (cached) return cached;
    const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (file) sourceFileCache.set(fileName, file);
    return file;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => path.resolve(fileName) === virtualFile || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => (path.resolve(fileName) === virtualFile ? text : readFile(fileName));

  const program = ts.createProgram([virtualFile], COMPILER_OPTIONS, host);
  const sourceFile = program.getSourceFile(virtualFile)!;
  const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const position = (diagnostic.start ?? 0) - header.length;
    const range = ranges.find((r) => position >= r.start && position < r.end);
    if (!range) return `type check: ${message}`;
    const at = jsonPathAt(sourceFile, diagnostic.start ?? 0);
    return `${describeManifest(range.manifest)}: ${at ? `${at}: ` : ''}${message}`;
  });
}

/** The JSON path (/spec/template/…) of the manifest field at a position of the generated source. */
function jsonPathAt(sourceFile: ts.SourceFile, position: number): string {
  const parts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const property = node.properties.find((p) => p.pos <= position && position < p.end);
      if (property && ts.isPropertyAssignment(property)) {
        parts.push(ts.isStringLiteral(property.name) ? property.name.text : property.name.getText(sourceFile));
        visit(property.initializer);
      }
    } else if (ts.isArrayLiteralExpression(node)) {
      const index = node.elements.findIndex((e) => e.pos <= position && position < e.end);
      if (index >= 0) {
        parts.push(String(index));
        visit(node.elements[index]);
      }
    }
  };
  const statement = sourceFile.statements.find((s) => s.pos <= position && position < s.end);
  if (statement && ts.isVariableStatement(statement)) {
    const initializer = statement.declarationList.declarations[0]?.initializer;
    if (initializer) visit(initializer);
  }
  return parts.length ? `/${parts.join('/')}` : '';
}

/** Every schema problem of these manifests (empty when all are valid). */
export function schemaProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const manifest of manifests) {
    const { apiVersion, kind } = manifest.doc ?? {};
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      problems.push(`${describeManifest(manifest)}: apiVersion and kind are required`);
    } else if (!typeOf(apiVersion, kind)) {
      problems.push(
        `${describeManifest(manifest)}: no schema known for ${apiVersion} ${kind} ` +
          '(neither a kubernetes-models kind nor a type of tools/deploy/crd-types.ts)',
      );
    } else {
      problems.push(...runtimeSchemaProblems(manifest, apiVersion, kind));
    }
  }
  problems.push(...typeCheckProblems(manifests));
  return problems;
}

/** For messages: the version of the Kubernetes API that kubernetes-models describes. */
export function kubernetesModelsVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('kubernetes-models/package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
