import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { catchError, concatMap, from, map, Observable, of, switchMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { Actor, problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { IdempotencyRecord } from './idempotency-record.entity';
import { drain, FileRequest, fingerprintForm, MULTIPART_UPLOAD } from '../file-transfer/multipart-form';
import type { GatewayConfig } from '../config';
import { ConfigService } from '@nestjs/config';

const IDEMPOTENT = 'idempotent';

export interface IdempotentOptions {
  /**
   * Fields of the answer that are secrets shown once (a new API key): never stored, so a replay answers without
   * them and names them in `Idempotent-Withheld`.
   */
  secretFields?: string[];
}
/** The length of idempotency_record.scope. */
const SCOPE_MAX_LENGTH = 600;

/** Marks a creating POST whose retries with the same `Idempotency-Key` return the first result. */
export const Idempotent = (options: IdempotentOptions = {}) => SetMetadata(IDEMPOTENT, options);

const KEY = /^[\x21-\x7e]{1,255}$/;
/**
 * The fingerprint of an upload is known only once its file has passed (to the service, or through a hash for a
 * retry), so its record holds this until the answer is stored with the real one.
 */
const FORM_NOT_READ = 'multipart form not read yet';

/**
 * Stripe-style idempotency: the first request with a key runs and its answer is stored; a retry replays it
 * (header `Idempotent-Replayed: true`); the same key with another body is a 422, and while the first is still
 * running a retry gets a 409. Refusals (4xx) and server errors are not stored: they changed nothing, so the
 * corrected or later retry with the same key runs; secret fields are never stored.
 * A multipart upload's fingerprint is its fields, file name and the SHA-256 of its bytes (FormFingerprint), hashed
 * as the file streams through, never held: the first request stores it with its answer, and a retry whose key has
 * an answer is read through a hash alone and compared, without its file going anywhere.
 * Expired records are taken over by a new request and deleted by IdempotencySweep.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly retentionHours = this.config.get('IDEMPOTENCY_RETENTION_HOURS', { infer: true });

  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT, context.getHandler());
    if (!options) return next.handle();
    const secrets = options.secretFields ?? [];
    const request = context.switchToHttp().getRequest<FileRequest & { actor?: Actor }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY.test(key)) {
      return throwError(
        () =>
          new ProblemError(
            problem(400, 'Idempotency-Key must be 1-255 visible ASCII characters.', {
              errors: [{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }],
            }),
          ),
      );
    }
    const fullScope = `${request.actor?.subject ?? 'anonymous'} ${request.method} ${request.originalUrl.split('?')[0]} ${key}`;
    // A path as long as a URL may be does not fit the scope column (600 characters): its SHA-256 stands for it then.
    const scope =
      fullScope.length <= SCOPE_MAX_LENGTH
        ? fullScope
        : `sha256:${createHash('sha256').update(fullScope).digest('hex')}`;
    const upload = this.reflector.get<boolean>(MULTIPART_UPLOAD, context.getHandler()) === true;
    const fingerprint = upload
      ? FORM_NOT_READ
      : createHash('sha256')
          .update(JSON.stringify(request.body ?? null))
          .digest('hex');
    const repository = this.dataSource.getRepository(IdempotencyRecord);

    return from(this.claim(scope, fingerprint)).pipe(
      switchMap((existing) => {
        if (existing && upload) return from(this.replayUpload(existing, request, response, secrets));
        if (existing) return of(this.replay(existing, fingerprint, response, secrets));
        return next.handle().pipe(
          // Stored before the answer leaves, so that a retry after it never finds the request still running.
          concatMap((body: unknown) =>
            from(
              (async () =>
                repository.update(
                  { scope },
                  {
                    statusCode: response.statusCode,
                    responseBody: withoutSecrets(body, secrets),
                    ...(upload ? { fingerprint: await this.uploadFingerprint(request) } : {}),
                  },
                ))(),
            ).pipe(map(() => body)),
          ),
          catchError((error: unknown) =>
            from(repository.delete({ scope })).pipe(switchMap(() => throwError(() => error))),
          ),
        );
      }),
    );
  }

  /** Inserts the in-progress record, or returns the one already there (expired ones are taken over). */
  private async claim(scope: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_record (scope, fingerprint, expires_at)
       VALUES ($1, $2, now() + make_interval(hours => $3))
       ON CONFLICT (scope) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status_code = NULL,
              response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
        WHERE idempotency_record.expires_at < now()
       RETURNING scope`,
      [scope, fingerprint, this.retentionHours],
    );
    if (inserted.length > 0) return null;
    return this.dataSource.getRepository(IdempotencyRecord).findOneByOrFail({ scope });
  }

  /** The upload's fingerprint, taken as its file passed (see FileUpload); a form that never ended has none. */
  private async uploadFingerprint(request: FileRequest): Promise<string> {
    if (!request.formFingerprint) throw new ProblemError(problem(400, 'The upload is not multipart/form-data.'));
    return request.formFingerprint;
  }

  /**
   * A retry of an upload: while the first is running it is a 409 at once (its form is not read); once answered,
   * its form is hashed as it arrives and compared.
   */
  private async replayUpload(
    record: IdempotencyRecord,
    request: FileRequest,
    response: Response,
    secrets: string[],
  ): Promise<unknown> {
    if (record.statusCode === null) {
      drain(request);
      throw new ProblemError(problem(409, 'A request with this Idempotency-Key is still being processed.'));
    }
    return this.replay(record, await fingerprintForm(request), response, secrets);
  }

  private replay(record: IdempotencyRecord, fingerprint: string, response: Response, secrets: string[]): unknown {
    if (record.fingerprint !== fingerprint) {
      throw new ProblemError(problem(422, 'This Idempotency-Key was used with a different request body.'));
    }
    if (record.statusCode === null) {
      throw new ProblemError(problem(409, 'A request with this Idempotency-Key is still being processed.'));
    }
    response.setHeader('Idempotent-Replayed', 'true');
    response.status(record.statusCode);
    if (secrets.length > 0) response.setHeader('Idempotent-Withheld', secrets.join(', '));
    return record.responseBody;
  }
}

function withoutSecrets(body: unknown, secrets: string[]): object {
  if (typeof body !== 'object' || body === null || secrets.length === 0) return body as object;
  return Object.fromEntries(Object.entries(body).filter(([field]) => !secrets.includes(field)));
}
