/** What reading a multipart upload takes, shared by the upload itself and the check of an `Idempotency-Key` retry. */
import type { Request } from 'express';
import busboy, { Busboy } from 'busboy';
import { FieldError, problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { attachmentMaxBytes, IncomingFile } from './file-transfer';
import { FormFingerprint } from './form-fingerprint';

const MB = 1024 * 1024;
export const FIELD_MAX_BYTES = 20_000;

export function tooLarge(): ProblemError {
  const max = attachmentMaxBytes();
  return new ProblemError(
    problem(413, `The file is larger than the limit of ${Number((max / MB).toFixed(1))} MB (${max} bytes).`, {
      limitBytes: max,
    }),
  );
}

export function badForm(errors: FieldError[]): ProblemError {
  return new ProblemError(problem(400, 'The multipart/form-data body is not as expected.', { errors }));
}

/** Marks a multipart upload route, so that `Idempotency-Key` takes the form's fingerprint rather than a JSON body's. */
export const MULTIPART_UPLOAD = 'multipart-upload';

export type FileRequest = Request & {
  file?: IncomingFile;
  /** The form's fingerprint (FormFingerprint), once it has ended; taken as the file streams through. */
  formFingerprint?: Promise<string>;
};

/** busboy over the request, with the limits of an upload: one file within the cap and a few short fields. */
export function formParser(request: Request): Busboy {
  try {
    return busboy({
      headers: request.headers,
      limits: { fileSize: attachmentMaxBytes(), files: 1, fields: 5, fieldSize: FIELD_MAX_BYTES, parts: 6 },
      defParamCharset: 'utf8',
    });
  } catch {
    throw badForm([{ field: '(body)', message: 'is not multipart/form-data with a boundary' }]);
  }
}

/** What makes a form fail whatever the route does with it: too many parts, a broken body, one cut short. */
export function failOnBrokenForm(parser: Busboy, request: Request, fail: (error: ProblemError) => void): void {
  for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) {
    parser.on(limit, () => fail(badForm([{ field: '(body)', message: 'has more parts than a file and its fields' }])));
  }
  parser.on('error', () => fail(badForm([{ field: '(body)', message: 'is not a complete multipart/form-data body' }])));
  request.on('close', () => {
    if (!request.complete) fail(badForm([{ field: '(body)', message: 'was cut short' }]));
  });
}

/**
 * Reads a whole upload only for its fingerprint, hashing the file as it passes (nothing is held): how a retry with
 * an `Idempotency-Key` already answered is matched with the first request without sending the file anywhere.
 */
export function fingerprintForm(request: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: ProblemError) => {
      if (failed) return;
      failed = true;
      drain(request);
      reject(error);
    };
    let parser: Busboy;
    try {
      parser = formParser(request);
    } catch (error) {
      return fail(error as ProblemError);
    }
    const print = new FormFingerprint();
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        return fail(badForm([{ field: name, message: `must be at most ${FIELD_MAX_BYTES} bytes` }]));
      }
      print.field(name, value);
    });
    parser.on('file', (name, part, info) => {
      part.on('error', () => fail(badForm([{ field: 'file', message: 'ended before its last byte' }])));
      part.on('limit', () => fail(tooLarge()));
      if (name === 'file') print.file(info.filename ?? '');
      else print.field(`(file) ${name}`, info.filename ?? '');
      part.on('data', (chunk: Buffer) => print.chunk(chunk));
    });
    failOnBrokenForm(parser, request, fail);
    parser.on('finish', () => {
      if (!failed) resolve(print.digest());
    });
    request.pipe(parser);
  });
}

/** Reads and drops what is left of the request, so that the client, still sending, gets the answer. */
export function drain(request: Request): void {
  request.unpipe();
  request.resume();
}
