import { HttpStatus, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Dispatcher, errors, Pool } from 'undici';
import { Actor, fillPath, InternalRoute, isProblem, problem, ServiceName } from '@pressconf/contracts';
import { CORRELATION_HEADER, ProblemError, RequestContexts } from '@pressconf/messaging';
import { ActorTokens } from './actor-tokens';
import { serviceUrls, ServiceClientSettings, serviceClientSettings } from './service-settings';

/** A service's answer as it came, for files that are passed through to the caller as a stream. */
export interface ServiceStream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
}

/** A raw request body: a file being uploaded, streamed through as it arrives. */
export interface RawBody {
  stream: Readable;
  contentType: string;
  headers?: Record<string, string>;
}

/**
 * The gateway's calls to the services' internal HTTP APIs: one keep-alive pool per service, a token naming the
 * actor on each call, and the failure modes a caller can act on — a service that does not answer within
 * GATEWAY_RPC_TIMEOUT_MS is a 504, one that cannot be reached a 503 with Retry-After. Only safe reads (GET) are
 * retried; a change is never sent twice. A service's problem+json answer is passed on unchanged, with its
 * Retry-After.
 */
@Injectable()
export class ServiceClient implements OnApplicationShutdown {
  private readonly logger = new Logger(ServiceClient.name);
  private readonly settings: ServiceClientSettings = serviceClientSettings();
  private readonly pools: Record<ServiceName, Pool>;

  constructor(private readonly tokens: ActorTokens) {
    const urls = serviceUrls();
    const options: Pool.Options = {
      connections: this.settings.connections,
      keepAliveTimeout: 30_000,
      connectTimeout: this.settings.connectTimeoutMs,
    };
    this.pools = {
      scheduling: new Pool(urls.scheduling, options),
      submissions: new Pool(urls.submissions, options),
      notifications: new Pool(urls.notifications, options),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.pools).map((pool) => pool.close()));
  }

  /** Calls a route with JSON in and out; the route's path parameters are taken from `input`. */
  async call<T>(route: InternalRoute, input: object, actor: Actor, raw?: RawBody): Promise<T> {
    const answer = await this.open(route, input, actor, raw);
    if (answer.status === 204) {
      await answer.body.dump();
      return undefined as T;
    }
    return (await readJson(answer.body)) as T;
  }

  /**
   * Calls a route and hands back its 2xx answer unread (a stored file). Any other answer is thrown as the problem
   * it carries.
   */
  async open(route: InternalRoute, input: object, actor: Actor, raw?: RawBody): Promise<ServiceStream> {
    const { path, rest } = fillPath(route, input as Record<string, unknown>);
    const safe = route.method === 'GET';
    // The input goes in the query string when the body is not JSON (a read, or a file streamed as it arrives).
    const json = !safe && !raw;
    const request: Dispatcher.RequestOptions = {
      method: route.method,
      path: json ? path : withQuery(path, rest),
      headers: await this.headers(route, actor, json ? 'application/json' : undefined, raw),
      body: safe ? undefined : raw ? raw.stream : JSON.stringify(rest),
      // Counted from the end of the request (an upload takes as long as the caller sends) and between chunks of the
      // answer (a download as long as the caller reads): a service that stops answering is a 504, a slow line is not.
      headersTimeout: this.settings.timeoutMs,
      bodyTimeout: this.settings.timeoutMs,
    };
    const attempts = safe ? this.settings.readAttempts : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const answer = await this.pools[route.service].request(request);
        if (answer.statusCode >= 200 && answer.statusCode < 300) {
          return { status: answer.statusCode, headers: answer.headers, body: answer.body };
        }
        throw new ProblemError(await problemOf(answer, route), passedHeadersOf(answer));
      } catch (error) {
        if (error instanceof ProblemError) throw error;
        const failure = this.failureOf(error, route);
        if (failure.status === HttpStatus.SERVICE_UNAVAILABLE && attempt < attempts) {
          await sleep(this.settings.retryDelayMs * attempt);
          continue;
        }
        throw failure;
      }
    }
  }

  private async headers(
    route: InternalRoute,
    actor: Actor,
    contentType: string | undefined,
    raw: RawBody | undefined,
  ): Promise<Record<string, string>> {
    const context = RequestContexts.current();
    return {
      authorization: `Bearer ${await this.tokens.for(actor, route.service)}`,
      accept: 'application/json, application/problem+json, */*',
      [CORRELATION_HEADER]: context?.correlationId ?? RequestContexts.correlationId(),
      ...(contentType ? { 'content-type': contentType } : {}),
      ...(raw ? { 'content-type': raw.contentType, ...raw.headers } : {}),
    };
  }

  /** What a caller is told when a service could not be asked or did not answer. */
  private failureOf(error: unknown, route: InternalRoute): ProblemError {
    const timedOut = error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError;
    if (timedOut) {
      return new ProblemError(problem(504, `The ${route.service} service did not answer in time.`));
    }
    this.logger.warn(`${route.method} ${route.service}/${route.path}: ${describe(error)}`);
    return new ProblemError(problem(503, `The ${route.service} service is unavailable; try again shortly.`), {
      'Retry-After': String(this.settings.retryAfterSeconds),
    });
  }
}

function withQuery(path: string, query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function readJson(body: Dispatcher.ResponseData['body']): Promise<unknown> {
  const text = await body.text();
  return text ? JSON.parse(text) : undefined;
}

/** The problem a service answered with, or a 502 when it answered something else. */
async function problemOf(answer: Dispatcher.ResponseData, route: InternalRoute) {
  const text = await answer.body.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isProblem(parsed)) {
    // The service's own path means nothing to the caller; the gateway's filter puts the public one.
    const { instance: _internal, ...rest } = parsed;
    return rest;
  }
  return problem(502, `The ${route.service} service answered ${answer.statusCode} without a problem document.`);
}

/** A service's Retry-After (its database is down: 503) goes on to the caller with the problem. */
function passedHeadersOf(answer: Dispatcher.ResponseData): Record<string, string> {
  const retryAfter = answer.headers['retry-after'];
  return typeof retryAfter === 'string' ? { 'Retry-After': retryAfter } : {};
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}
