/**
 * Writes the kustomize overlay of one or more provinces, k8s/overlays/<id>/kustomization.yaml, from their profiles
 * (provinces/<id>.json), on top of k8s/overlays/prod:
 *
 *   npm run k8s:province -- khanh-hoa           # one province (after adding or changing its profile)
 *   npm run k8s:province -- --all               # every profile of provinces/
 *   npm run k8s:province -- --all --check       # exit 1 if an overlay is stale (what the spec checks too)
 *
 * tools/deploy/province-overlays.spec.ts (in `npm test`) fails until the committed overlays match their profiles.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { provinceOverlayFile, provinceProfile, renderProvinceOverlay } from '../deploy/province-overlays';
import { PROVINCES, ROOT } from '../deploy/repo';

const args = process.argv.slice(2);
const check = args.includes('--check');
const ids = args.includes('--all') ? [...PROVINCES] : args.filter((arg) => !arg.startsWith('--'));
if (ids.length === 0) {
  process.stderr.write('usage: npm run k8s:province -- <province id>… | --all [--check]\n');
  process.exit(2);
}

let stale = 0;
for (const id of ids) {
  const file = provinceOverlayFile(id);
  const rendered = renderProvinceOverlay(provinceProfile(id));
  const absolute = path.join(ROOT, file);
  if (check) {
    let current = '';
    try {
      current = readFileSync(absolute, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== rendered) {
      stale += 1;
      process.stderr.write(`${file} is stale: run npm run k8s:province -- ${id}\n`);
    } else process.stdout.write(`${file} is up to date\n`);
  } else {
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, rendered);
    process.stdout.write(`wrote ${file}\n`);
  }
}
process.exit(stale > 0 ? 1 : 0);
