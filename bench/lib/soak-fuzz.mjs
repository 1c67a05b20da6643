// The long API fuzzing run of a soak: the fuzz test (test/fuzz/api-fuzz.e2e-spec.ts) with the soak's seed and
// SOAK_FUZZ_RUNS requests per operation, against a stack of its own on the soak's broker, after the soak's stack
// has stopped (so that the two do not share the CPU).
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Resolves `{ held, counts, detail }` for the invariants table. */
export function runFuzz({ root, dist, kafkaBrokers, seed, runs, log }) {
  const env = {
    ...process.env,
    FUZZ_SEED: String(seed),
    FUZZ_RUNS: String(runs),
    KAFKA_BROKERS: kafkaBrokers,
    DIST_DIR: dist,
    NODE_PATH: path.join(root, 'node_modules'),
  };
  const args = [
    '--selectProjects',
    'e2e',
    '--testPathPatterns',
    'test/fuzz',
    '--testTimeout',
    '7200000',
    '--forceExit',
  ];
  log.info(`API fuzzing: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} (npx jest ${args.join(' ')})`);
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/jest'), args, { cwd: root, env });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => {
      const summary = /API fuzzing: (\d+) requests over (\d+) operations; statuses (\{[^}]*\}); (\d+) finding/.exec(
        output,
      );
      const findings = [...output.matchAll(/^\s+\+\s+"(.+)",?$/gm)].map((m) => m[1].slice(0, 400));
      resolve({
        name: `API fuzzing (FUZZ_SEED=${seed}, FUZZ_RUNS=${runs}): no 5xx, problems as documented, nothing written when refused`,
        held: code === 0,
        counts: summary
          ? { requests: Number(summary[1]), operations: Number(summary[2]), findings: Number(summary[4]) }
          : { exitCode: code },
        detail: code === 0 ? undefined : findings.length ? findings.slice(0, 20) : output.slice(-3000),
      });
    });
  });
}
