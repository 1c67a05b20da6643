// Summarises a .cpuprofile (from bench/lib/cpu-profiler.cjs or --cpu-prof): total sampled time, self time by
// package (node_modules/<pkg>, the service bundle, node internals, GC, idle) and the top functions by self time.
//   node bench/tools/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/tools/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dts = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (dts[i + 1] ?? dts[i] ?? 0));
}

function packageOf(url, fn) {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)(.*)$/.exec(url);
  if (m) return process.env.PROFILE_FILES ? `${m[1]}${m[2]}` : m[1];
  if (/\/apps\/[^/]+\/main\.js$/.test(url) || /\/apps\//.test(url)) return '(service bundle)';
  if (url.startsWith('node:')) return '(node internals)';
  return url.replace(/^file:\/\//, '');
}

const total = [...self.values()].reduce((a, b) => a + b, 0);
const byPackage = new Map();
const byFunction = new Map();
for (const [id, us] of self) {
  const node = byId.get(id);
  const { functionName, url, lineNumber } = node.callFrame;
  const fn = functionName || '(anonymous)';
  const pkg = packageOf(url, fn);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const key = `${fn}  ${pkg}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}
const busy = total - (byPackage.get('(idle)') ?? 0);
const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(
  `${file}\nsampled ${(total / 1e6).toFixed(2)} s, busy (not idle) ${(busy / 1e6).toFixed(2)} s\n\nself time by package:`,
);
for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${pkg}`);
// Inclusive time: each sample is charged once to every distinct function on its stack.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'}  ${packageOf(url, functionName || '(anonymous)')}${url ? `:${lineNumber + 1}` : ''}`;
};
const inclusive = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = dts[i + 1] ?? dts[i] ?? 0;
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const key = keyOf(byId.get(id));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  }
}
const filter = process.env.PROFILE_FILTER ? new RegExp(process.env.PROFILE_FILTER) : null;
// Layers: each sample goes to the innermost frame on its stack that belongs to a known library, so that work in
// node internals (socket writes, buffers, promises) is charged to the library that asked for it.
const LAYERS = [
  ['Kafka client (kafkajs)', /^kafkajs$/],
  ['Nest microservices (Kafka transport)', /^@nestjs\/microservices$/],
  ['internal HTTP client (undici)', /^undici$/],
  ['actor tokens (jose)', /^jose$/],
  [
    'logging (pino, pino-http)',
    /^(pino|pino-http|nestjs-pino|pino-std-serializers|sonic-boom|fast-redact|quick-format-unescaped)$/,
  ],
  ['validation (class-validator/-transformer)', /^(class-validator|class-transformer|validator|libphonenumber-js)$/],
  ['database (TypeORM)', /^typeorm$/],
  [
    'database (pg driver)',
    /^(pg|pg-protocol|pg-pool|pg-types|postgres-date|postgres-array|postgres-bytea|postgres-interval)$/,
  ],
  ['rate limit (@nestjs/throttler)', /^@nestjs\/throttler$/],
  ['metrics (prom-client)', /^prom-client$/],
  [
    'PDF (pdfmake, pdfkit, fontkit)',
    /^(pdfmake|@foliojs-fork\/.*|restructure|unicode-trie|tiny-inflate|brotli|linebreak)$/,
  ],
  ['mail (nodemailer)', /^nodemailer$/],
  [
    'HTTP (fastify)',
    /^(fastify|@fastify\/.*|@nestjs\/platform-fastify|find-my-way|avvio|light-my-request|fast-json-stringify|fast-querystring|secure-json-parse|abstract-logging|toad-cache)$/,
  ],
  [
    'HTTP (express, helmet, cors, body-parser)',
    /^(express|router|helmet|cors|body-parser|@nestjs\/platform-express|raw-body|iconv-lite|content-type|type-is|mime-types|qs|etag|fresh|send|on-finished|finalhandler|parseurl|path-to-regexp|vary|depd|statuses|http-errors|accepts|negotiator|encodeurl|escape-html|cookie|proxy-addr|forwarded)$/,
  ],
  ['Nest core, rxjs', /^(@nestjs\/core|@nestjs\/common|rxjs|reflect-metadata|tslib)$/],
  ["the service's own code", /^\(service bundle\)$/],
];
const layerOf = new Map();
const layerTime = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = dts[i + 1] ?? dts[i] ?? 0;
  let layer = null;
  const leaf = byId.get(profile.samples[i]);
  const leafName = leaf.callFrame.functionName;
  if (leafName === '(idle)' || leafName === '(garbage collector)' || leafName === '(program)') layer = leafName;
  for (let id = profile.samples[i]; !layer && id !== undefined; id = parent.get(id)) {
    const node = byId.get(id);
    let cached = layerOf.get(id);
    if (cached === undefined) {
      const url = node.callFrame.url;
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
        (/\/apps\/[^/]+\/main\.js$/.test(url) ? '(service bundle)' : '');
      cached = LAYERS.find(([, re]) => re.test(pkg))?.[0] ?? null;
      layerOf.set(id, cached);
    }
    layer = cached;
  }
  layer ??= 'other (node internals without a library above)';
  layerTime.set(layer, (layerTime.get(layer) ?? 0) + dt);
}
console.log(`\nby layer (busy time, idle excluded):`);
for (const [layer, us] of [...layerTime].filter(([l]) => l !== '(idle)').sort((a, b) => b[1] - a[1])) {
  console.log(`  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${layer}`);
}

console.log(`\ntop functions by inclusive time${filter ? ` matching ${filter}` : ''}:`);
for (const [fn, us] of [...inclusive]
  .filter(([k]) => !filter || filter.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${fn}`);
}
console.log('\ntop functions by self time:');
for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${fn}`);
