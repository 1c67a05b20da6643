import { Logger, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import { Actor, InternalHeaders, InternalRoute, problem, StoredFileHeaders } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { ServiceClient, ServiceStream } from '../services/service-client';
import { gatewayConfig } from '../config';

const logger = new Logger('FileTransfer');

/** ATTACHMENT_MAX_BYTES, 10 MB by default: the submissions service enforces the same cap. */
export function attachmentMaxBytes(): number {
  return gatewayConfig().ATTACHMENT_MAX_BYTES;
}

/** The `file` part of a multipart upload, as it arrives (see FileUpload). */
export interface IncomingFile {
  fileName: string;
  stream: Readable;
}

/**
 * Streams an uploaded file to submissions as the body of one call, its name in X-File-Name and the other fields of
 * `input` in the query string. When the upload itself failed on the way (over the cap, cut short), that is the answer rather
 * than what became of the call it aborted.
 */
export async function sendFile<T>(
  services: ServiceClient,
  route: InternalRoute,
  input: Record<string, unknown>,
  file: IncomingFile,
  actor: Actor,
): Promise<T> {
  try {
    return await services.call<T>(route, input, actor, {
      stream: file.stream,
      contentType: 'application/octet-stream',
      headers: { [InternalHeaders.fileName]: encodeURIComponent(file.fileName) },
    });
  } catch (error) {
    const cut = file.stream.errored;
    throw cut instanceof ProblemError ? cut : error;
  }
}

/**
 * A stored file from submissions, streamed on with its type, length and name. Its bytes are checked against the
 * SHA-256 the service sent as they pass, the last chunk held back until they match: a damaged file is cut short
 * (its Content-Length unmet), never handed over whole.
 */
export function passFileOn(answer: ServiceStream): StreamableFile {
  const header = (name: string) => [answer.headers[name]].flat()[0];
  const length = header('content-length');
  const checked = checkedAgainst(header(StoredFileHeaders.sha256));
  // A failure of the service's answer shows on `checked`, which the response reads.
  pipeline(answer.body, checked, () => undefined);
  return new StreamableFile(checked, {
    type: header('content-type'),
    disposition: header('content-disposition'),
    length: length === undefined ? undefined : Number(length),
  }).setErrorHandler((error, response) => {
    logger.warn(`A stored file was cut short on its way to the caller: ${error.message}`);
    response.destroy?.();
  });
}

function checkedAgainst(sha256: string | undefined): Transform {
  const hash = createHash('sha256');
  let held: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _, done) {
      hash.update(chunk);
      const previous = held;
      held = chunk;
      done(null, previous);
    },
    flush(done) {
      if (hash.digest('hex') !== sha256) {
        return done(new ProblemError(problem(502, 'The stored file arrived damaged; try again.')));
      }
      done(null, held);
    },
  });
}
