import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { Busboy } from 'busboy';
import { PassThrough, Readable } from 'node:stream';
import { finalize, Observable } from 'rxjs';
import { problem } from '@pressconf/contracts';
import { ProblemError } from '@pressconf/messaging';
import { IncomingFile } from './file-transfer';
import { FormFingerprint } from './form-fingerprint';
import {
  badForm,
  drain,
  FIELD_MAX_BYTES,
  failOnBrokenForm,
  FileRequest,
  formParser,
  MULTIPART_UPLOAD,
  tooLarge,
} from './multipart-form';

/**
 * Reads a multipart upload up to its `file` part and hands that part on as a stream, so that the file goes to the
 * service while it arrives, never whole in memory. The other fields land in `request.body`; when one the route
 * declares has not come before the file, the file is held (within the cap) until the form ends, so that fields
 * may come in any order. A file past the cap, a form cut short or a stray part after the file fails the stream
 * (413 or 400), which aborts the call to the service: nothing is stored. What is left of the request is then read
 * and dropped, so that the client gets the answer.
 */
class MultipartFile implements NestInterceptor {
  constructor(private readonly declared: string[]) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FileRequest>();
    request.file = await this.readUntilFile(request);
    return next.handle().pipe(finalize(() => drain(request)));
  }

  private readUntilFile(request: FileRequest): Promise<IncomingFile | undefined> {
    if (!request.is('multipart/form-data')) return Promise.resolve(undefined);
    const print = new FormFingerprint();
    let fingerprinted: (fingerprint: string) => void = () => undefined;
    let notFingerprinted: (error: ProblemError) => void = () => undefined;
    request.formFingerprint = new Promise<string>((resolve, reject) => {
      fingerprinted = resolve;
      notFingerprinted = reject;
    });
    // Read only after a successful answer; a failed form fails the call first, so no one may be waiting.
    request.formFingerprint.catch(() => undefined);
    return new Promise((resolve, reject) => {
      // No prototype: a field called `__proto__` or `constructor` is just a field.
      const fields = Object.create(null) as Record<string, string>;
      request.body = fields;
      let streamed: PassThrough | undefined;
      let held: { fileName: string; chunks: Buffer[] } | undefined;
      let failed = false;
      const fail = (error: ProblemError) => {
        if (failed) return;
        failed = true;
        drain(request);
        notFingerprinted(error);
        if (streamed) streamed.destroy(error);
        else reject(error);
      };
      let parser: Busboy;
      try {
        parser = formParser(request);
      } catch (error) {
        return fail(error as ProblemError);
      }

      parser.on('field', (name, value, info) => {
        if (streamed) return fail(badForm([{ field: name, message: 'is not expected after `file`' }]));
        if (info.valueTruncated)
          return fail(badForm([{ field: name, message: `must be at most ${FIELD_MAX_BYTES} bytes` }]));
        fields[name] = value;
        print.field(name, value);
      });
      parser.on('file', (name, part, info) => {
        part.on('error', () => fail(badForm([{ field: 'file', message: 'ended before its last byte' }])));
        if (name !== 'file') {
          part.resume();
          return fail(badForm([{ field: name, message: 'is not expected: send one file, in the field `file`' }]));
        }
        part.on('limit', () => fail(tooLarge()));
        print.file(info.filename ?? '');
        part.on('data', (chunk: Buffer) => print.chunk(chunk));
        if (this.declared.every((field) => field in fields)) {
          streamed = new PassThrough();
          // Its failure is read from `errored` by whoever sends it on; it may have no reader yet.
          streamed.on('error', () => undefined);
          // Ended only with the form, so that a stray part after the file still fails it.
          part.pipe(streamed, { end: false });
          resolve({ fileName: info.filename ?? '', stream: streamed });
        } else {
          const chunks: Buffer[] = [];
          held = { fileName: info.filename ?? '', chunks };
          part.on('data', (chunk: Buffer) => chunks.push(chunk));
        }
      });
      failOnBrokenForm(parser, request, fail);
      parser.on('finish', () => {
        if (failed) return;
        fingerprinted(print.digest());
        if (streamed) streamed.end();
        else resolve(held ? { fileName: held.fileName, stream: Readable.from(held.chunks) } : undefined);
      });
      request.pipe(parser);
    });
  }
}

const problemContent = { 'application/problem+json': { schema: { $ref: getSchemaPath('Problem') } } };

/**
 * A multipart upload with one file in the field `file`, streamed to the service as it arrives and cut as soon as
 * it passes the cap (413). `fields` are the other form fields, for the documentation and so that the file waits
 * for them. File names are read as UTF-8.
 */
export function FileUpload(fields: Record<string, object> = {}, required: string[] = []) {
  return applyDecorators(
    SetMetadata(MULTIPART_UPLOAD, true),
    UseInterceptors(new MultipartFile(Object.keys(fields))),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file', ...required],
        properties: { file: { type: 'string', format: 'binary', description: 'PDF, DOCX, PNG or JPEG' }, ...fields },
      },
    }),
    ApiResponse({
      status: 413,
      description: 'The file is over the size cap (ATTACHMENT_MAX_BYTES)',
      content: problemContent,
    }),
    ApiResponse({
      status: 415,
      description: 'The file’s content is not PDF, DOCX, PNG or JPEG, whatever its name',
      content: problemContent,
    }),
  );
}

/** The uploaded file, or a 400 naming the missing field. */
export function requireFile(file: IncomingFile | undefined): IncomingFile {
  if (!file) {
    throw new ProblemError(
      problem(400, 'Send the file as multipart/form-data in the field `file`.', {
        errors: [{ field: 'file', message: 'is required' }],
      }),
    );
  }
  return file;
}
