import { Logger } from '@nestjs/common';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuditEventView } from '@pressconf/contracts';
import { auditCsvHeader, auditCsvLine, streamAuditCsv } from './audit-csv';

const event = (overrides: Partial<AuditEventView> = {}): AuditEventView => ({
  id: '6f1d4c2e-0000-4000-8000-000000000001',
  occurredAt: '2026-11-28T10:00:00.123456Z',
  actor: { role: 'agency', subject: 'api-key:k1', agencyId: '6f1d4c2e-0000-4000-8000-000000000002' },
  action: 'brief.updated',
  entityType: 'brief',
  entityId: 'b1',
  correlationId: 'c-1',
  changes: { title: { from: 'Báo cáo "cũ", bản 1', to: '=1+1' } },
  service: 'submissions',
  ...overrides,
});

/** A socket that takes `chunkDelayMs` per chunk, with a small buffer: writes past it must wait for 'drain'. */
function slowSink(chunkDelayMs: number) {
  const chunks: string[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _, done) {
      chunks.push(chunk.toString('utf8'));
      setTimeout(done, chunkDelayMs);
    },
  });
  return { sink, text: () => chunks.join('') };
}

/** `count` rows, newest first, counting how many were taken. */
function rows(count: number) {
  const taken = { n: 0, closed: false };
  const iterator = (async function* () {
    try {
      for (let i = 0; i < count; i += 1) {
        await Promise.resolve();
        taken.n += 1;
        yield event({ entityId: `e${i}`, changes: { note: { from: null, to: 'x'.repeat(200) } } });
      }
    } finally {
      taken.closed = true;
    }
  })();
  return { iterator, taken };
}

describe('the audit trail as CSV', () => {
  it('heads the export with a BOM and the columns', () => {
    expect(auditCsvHeader()).toBe(
      '\uFEFFoccurredAt,service,action,entityType,entityId,actorRole,actorSubject,actorAgencyId,correlationId,' +
        'changes\r\n',
    );
  });

  it('quotes each cell as RFC 4180 says, the changes as JSON', () => {
    expect(auditCsvLine(event())).toBe(
      '2026-11-28T10:00:00.123456Z,submissions,brief.updated,brief,b1,agency,api-key:k1,' +
        '6f1d4c2e-0000-4000-8000-000000000002,c-1,' +
        '"{""title"":{""from"":""Báo cáo \\""cũ\\"", bản 1"",""to"":""=1+1""}}"\r\n',
    );
  });

  it('leaves absent fields empty and keeps a formula-like value from running', () => {
    const line = auditCsvLine(event({ actor: { role: 'system', subject: '-scheduler' }, correlationId: undefined }));
    expect(line.split(',').slice(6, 9)).toEqual(["'-scheduler", '', '']);
  });

  it('writes every row, reading them only as fast as the socket takes them', async () => {
    const { sink, text } = slowSink(20);
    const source = rows(2_000);
    let opened = 0;
    const exported = streamAuditCsv(source.iterator, () => {
      opened += 1;
      return sink;
    });
    await sleep(30);
    // A few chunks in: the rest waits for the socket, not in memory.
    expect(source.taken.n).toBeLessThan(2_000);
    expect(await exported).toBe(2_000);
    await new Promise((resolve) => sink.on('finish', resolve));
    const lines = text().split('\r\n');
    expect(lines[0]).toBe(auditCsvHeader().trimEnd());
    expect(lines).toHaveLength(2_000 + 2);
    expect(lines.at(-1)).toBe('');
    expect(opened).toBe(1);
  });

  it('stops reading and closes the stores when the caller goes away', async () => {
    const { sink } = slowSink(20);
    const source = rows(100_000);
    const exported = streamAuditCsv(source.iterator, () => sink);
    await sleep(30);
    sink.destroy();
    expect(await exported).toBeLessThan(100_000);
    expect(source.taken.closed).toBe(true);
  });

  it('answers a problem when the first rows cannot be read, and cuts the transfer short after that', async () => {
    const failing = (after: number) =>
      (async function* () {
        await Promise.resolve();
        for (let i = 0; i < after; i += 1) yield event();
        throw new Error('notifications is unavailable');
      })();
    let opened = false;
    await expect(
      streamAuditCsv(failing(0), () => {
        opened = true;
        return slowSink(0).sink;
      }),
    ).rejects.toThrow('notifications is unavailable');
    expect(opened).toBe(false);

    const { sink } = slowSink(0);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    expect(await streamAuditCsv(failing(3), () => sink)).toBe(3);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cut short after 3 rows'));
    warn.mockRestore();
    expect(sink.destroyed).toBe(true);
    expect(sink.writableEnded).toBe(false);
  });
});
