import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ServiceName, Stack } from './support/stack';
import { callPeriodicConference, waitForInvitations } from './support/conference';

const SERVICES: ServiceName[] = ['gateway', 'scheduling', 'submissions', 'notifications'];
const WARN = 40;

/**
 * Operators read the logs when something is wrong, so a healthy start, a conference called and mailed, and a
 * planned stop log no warning or error in any service, and no field twice on a line.
 */
describe('logs of a healthy run', () => {
  it('hold no line at warn or error level, and no field twice', async () => {
    const stack = await Stack.start();
    let logs: Array<{ service: ServiceName; lines: string[] }>;
    try {
      const { conference } = await callPeriodicConference(stack);
      await waitForInvitations(stack, conference.id, conference.participants.length);
    } finally {
      await stack.stop();
      logs = SERVICES.map((service) => ({
        service,
        lines: readFileSync(join(ROOT, 'test-artifacts/logs', `${stack.database}-${service}.log`), 'utf8')
          .split('\n')
          .filter(Boolean),
      }));
    }
    for (const { service, lines } of logs) {
      expect(lines.length).toBeGreaterThan(0);
      // A line that is not JSON (bare text on stderr) is as loud as a warning.
      const loud = lines.filter((line) => {
        try {
          const level = (JSON.parse(line) as { level?: unknown }).level;
          return typeof level !== 'number' || level >= WARN;
        } catch {
          return true;
        }
      });
      expect({ service, loud }).toEqual({ service, loud: [] });
      const repeated = lines.filter((line) =>
        ['correlationId', 'trace_id', 'span_id', 'service'].some((field) => line.split(`"${field}":`).length > 2),
      );
      expect({ service, repeated }).toEqual({ service, repeated: [] });
    }
  });
});
