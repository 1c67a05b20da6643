// The soak's table: faults injected by kind, operations done, invariants with their counts, memory slopes.

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const counts = (object) =>
  Object.entries(object)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export function renderSoak(results) {
  const faults = Object.entries(results.faults).map(([kind, f]) => [kind, f.injected, f.failed]);
  const operations = Object.entries(results.operations).map(([action, o]) => [
    action,
    o.total,
    o.ok,
    o.refused,
    o.failed,
  ]);
  const invariants = results.invariants.map((i) => [i.held ? 'held' : 'BROKEN', i.name, counts(i.counts)]);
  const memory = Object.entries(results.memory).map(([name, m]) => [
    name,
    m.rssSlopeMbPerMin ?? '–',
    m.heapSlopeMbPerMin ?? '–',
    m.lastRssMb ?? '–',
    m.lastHeapMb ?? '–',
    `${Math.round(m.covered * 100)}%`,
  ]);
  return [
    `soak: ${results.minutes} min (seed ${results.seed}), ${results.replicas}; drain ${results.drainS} s`,
    ...(results.crashesAtStart?.length
      ? [
          `replicas that exited while starting and were started again: ${results.crashesAtStart.map((c) => c.name).join(', ')}`,
        ]
      : []),
    '',
    table(['fault', 'injected', 'failed to inject'], faults),
    '',
    table(['operation', 'requests', '2xx', '4xx', '5xx or none'], operations),
    '',
    table(['', 'invariant', 'counts'], invariants),
    '',
    `memory over the last half (${results.memoryJudged ? `judged: heap slope ≤ ${results.maxHeapSlope} MB/min` : 'not judged: the run is shorter than 10 minutes'})`,
    table(['replica', 'RSS MB/min', 'heap MB/min', 'RSS MB', 'heap MB', 'covered'], memory),
  ].join('\n');
}

/** The memory invariant: heap flat on every replica that lived through most of the last half. */
export function memoryInvariant(slopes, { judged, maxHeapSlope }) {
  const steep = Object.entries(slopes).filter(
    ([, m]) => m.covered >= 0.6 && m.heapSlopeMbPerMin !== null && m.heapSlopeMbPerMin > maxHeapSlope,
  );
  return {
    name: `heap flat over the last half (slope ≤ ${maxHeapSlope} MB/min)`,
    held: !judged || steep.length === 0,
    counts: { replicas: Object.keys(slopes).length, steep: steep.length, judged: judged ? 'yes' : 'no (short run)' },
  };
}
