// Only Node built-ins and tools/lib/infra.mjs: the bench and the soak call this before dependencies may be installed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bin, log, run } from '../../tools/lib/infra.mjs';

const SERVICES = ['scheduling', 'submissions', 'notifications', 'gateway'];

/**
 * Builds the services into `dist` when one is missing there, or always when the variable `forceVar` is 1 (the
 * measurement is of the code as it is now, not of an older build).
 */
export async function ensureBuilt(dist, forceVar) {
  const missing = SERVICES.filter((s) => !existsSync(path.join(dist, 'apps', s, 'main.js')));
  const forced = process.env[forceVar] === '1';
  if (missing.length === 0 && !forced) return;
  log.info(
    `${forced ? `${forceVar}=1` : `${missing.join(', ')} not built in ${dist}`}: building (nx run-many -t build)`,
  );
  await run(bin('nx'), ['run-many', '-t', 'build', '--parallel=2'], {
    env: {
      ...process.env,
      NX_DAEMON: 'false',
      NX_TUI: 'false',
      NX_NO_CLOUD: 'true',
      ...(process.env.DIST_DIR ? { DIST_DIR: dist } : {}),
    },
  });
  const still = SERVICES.filter((s) => !existsSync(path.join(dist, 'apps', s, 'main.js')));
  if (still.length) throw new Error(`the build did not produce ${still.join(', ')} in ${dist}`);
}
