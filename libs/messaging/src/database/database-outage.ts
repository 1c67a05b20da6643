import { problem } from '@pressconf/contracts';
import { ProblemError } from '../http/problem-error';

/** What a caller is told to wait before retrying while the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs of a connection that was refused or cut, rather than of a query that was wrong: the whole class 08
 * (connection exception, by prefix), an administrator's or a crash's shutdown, a server starting or stopping,
 * and no connection slot left.
 */
const CONNECTION_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Of class 08 but the statement's fault, e.g. more than 65,535 parameters: it fails again however long one waits. */
const PROTOCOL_VIOLATION = '08P01';
/** Socket errors of a server that is down or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * What pg and pg-pool say without a code: a connection cut under a query, a client left unusable by that, a
 * pool that could not connect in time, and a database closed to new connections (55000 is too broad a code).
 */
/**
 * TypeORM releases a query runner whose connection reported an error; what the transaction tries next meets
 * this, so inside a transaction it means the connection was lost (the transaction is rolled back).
 */
const LOST_CONNECTION_ERRORS = new Set(['QueryRunnerAlreadyReleasedError']);
const MESSAGES = [
  /Connection terminated/i,
  /is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /is not currently accepting connections/i,
];

/**
 * True when an error (a pg error, TypeORM's QueryFailedError around one, or anything carrying one as its cause)
 * says that the database could not be reached or dropped the connection: an outage to wait out, not a fault of
 * the request or the code.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { name, code, message, driverError, cause, errors } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const connectionState = typeof code === 'string' && code !== PROTOCOL_VIOLATION;
  if (connectionState && (code.startsWith('08') || CONNECTION_STATES.has(code) || NETWORK_CODES.has(code))) return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (typeof name === 'string' && LOST_CONNECTION_ERRORS.has(name)) return true;
  // An AggregateError of a connect to several addresses, e.g. 127.0.0.1 and ::1.
  const nested: unknown[] = Array.isArray(errors) ? errors : [];
  return [driverError, cause, ...nested].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** The 503 problem, with Retry-After, that a request meets while the database is unavailable. */
export function databaseUnavailableProblem(): ProblemError {
  return new ProblemError(problem(503, 'The database is unavailable for a moment; try again shortly.'), {
    'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
  });
}
