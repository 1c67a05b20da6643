// Preloaded into a service by the benchmark (NODE_OPTIONS=--require …) when BENCH_CPU_PROF names it: samples the
// CPU with the inspector from the start, and on each SIGWINCH (ignored by default; Nest's shutdown hooks take
// SIGUSR2) writes the profile of the phase that just ended
// (named by the file `phase` in BENCH_PROF_DIR) as <service>-<nn>-<phase>.cpuprofile, then starts the next one.
// Unlike --cpu-prof it does not depend on a normal exit (Nest re-raises SIGTERM after its shutdown hooks).
'use strict';
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_PROF_DIR;
const name = process.env.BENCH_PROF_NAME || path.basename(path.dirname(process.argv[1] || 'node'));
if (dir) {
  fs.mkdirSync(dir, { recursive: true });
  const session = new inspector.Session();
  session.connect();
  let seq = 0;
  const start = () => session.post('Profiler.start');
  session.post('Profiler.enable', () =>
    session.post(
      'Profiler.setSamplingInterval',
      { interval: Number(process.env.BENCH_PROF_INTERVAL_US || 1000) },
      start,
    ),
  );
  process.on('SIGWINCH', () => {
    let phase = 'phase';
    try {
      phase = fs
        .readFileSync(path.join(dir, 'phase'), 'utf8')
        .trim()
        .replace(/[^a-zA-Z0-9_-]+/g, '-');
    } catch {
      /* unnamed */
    }
    session.post('Profiler.stop', (error, result) => {
      if (!error && result) {
        seq += 1;
        fs.writeFileSync(
          path.join(dir, `${name}-${String(seq).padStart(2, '0')}-${phase}.cpuprofile`),
          JSON.stringify(result.profile),
        );
      }
      start();
    });
  });
}
