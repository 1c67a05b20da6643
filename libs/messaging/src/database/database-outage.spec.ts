import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import { createServer } from 'node:net';
import { Client, DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { ProblemFilter } from '../http/problem.filter';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-outage';

/** A pg server error as the driver builds it from the wire (severity, SQLSTATE, message). */
function serverError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'FATAL';
  return error;
}

const wrapped = (error: Error) => new QueryFailedError('SELECT 1', [], error);

/** What connecting to a port nobody listens on really throws. */
async function refusedConnection(): Promise<Error> {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  const client = new Client({ host: '127.0.0.1', port, user: 'nobody', connectionTimeoutMillis: 2000 });
  return client.connect().then(
    () => new Error('connected'),
    (error: Error) => error,
  );
}

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'an administrator terminating the connection (57P01)',
      '57P01',
      'terminating connection due to administrator command',
    ],
    ['a crash shutdown (57P02)', '57P02', 'terminating connection due to crash of another server process'],
    ['a server starting up (57P03)', '57P03', 'the database system is starting up'],
    ['no connection slot left (53300)', '53300', 'sorry, too many clients already'],
    ['a connection exception (08006)', '08006', 'connection failure'],
    ['a database closed to connections (55000)', '55000', 'database "x" is not currently accepting connections'],
  ])('is true for %s, bare and inside a QueryFailedError', (_, code, message) => {
    expect(isDatabaseUnavailable(serverError(code, message))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(serverError(code, message)))).toBe(true);
  });

  it('is true for a refused connection, a connection cut under a query, and a pool that could not connect', async () => {
    expect(isDatabaseUnavailable(await refusedConnection())).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: serverError('57P01', 'terminating') }))).toBe(true);
    // What the rest of a transaction meets once TypeORM released its runner over the lost connection.
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('is false for errors of the query or the data, and for anything else', () => {
    expect(isDatabaseUnavailable(wrapped(serverError('23505', 'duplicate key value')))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(serverError('42P01', 'relation "x" does not exist')))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(serverError('40001', 'could not serialize access')))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(serverError('55000', 'object not in prerequisite state')))).toBe(false);
    const tooManyParameters = 'bind message has 18928 parameter formats but 0 parameters';
    expect(isDatabaseUnavailable(wrapped(serverError('08P01', tooManyParameters)))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

/** Runs the filter over one error as Nest would for an HTTP request, and returns what the caller is sent. */
function answerTo(error: unknown) {
  const sent = { status: 0, type: '', headers: {} as Record<string, string>, body: '' };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(type: string) {
      sent.type = type;
      return this;
    },
    send: (body: string) => (sent.body = body),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ originalUrl: '/api/v1/x', id: 'c-1' }) }),
  } as unknown as ArgumentsHost;
  const filter = new ProblemFilter();
  (filter as unknown as { logger: { warn: () => void; error: () => void } }).logger = {
    warn: () => undefined,
    error: () => undefined,
  };
  filter.catch(error, host);
  return { ...sent, problem: JSON.parse(sent.body) as Record<string, unknown> };
}

describe('ProblemFilter and a database outage', () => {
  it('answers a lost connection with a 503 problem and Retry-After, without the database message', () => {
    const answer = answerTo(wrapped(serverError('57P01', 'terminating connection due to administrator command')));
    expect(answer.status).toBe(503);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.headers['Retry-After']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(answer.problem).toMatchObject({ status: 503, instance: '/api/v1/x', correlationId: 'c-1' });
    expect(answer.body).not.toContain('terminating');
  });

  it('still answers a query error with a plain 500 and a bad request with its 400', () => {
    const failed = answerTo(wrapped(serverError('42P01', 'relation "x" does not exist')));
    expect(failed.status).toBe(500);
    expect(failed.headers['Retry-After']).toBeUndefined();
    expect(failed.body).not.toContain('does not exist');
    expect(answerTo(new BadRequestException('nope')).status).toBe(400);
  });
});
