import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import {
  contentDisposition,
  InternalHeaders,
  InternalRoute,
  StoredFileHeaders,
  ValidationFailedError,
} from '@pressconf/contracts';
import { InternalEndpoint } from '@pressconf/messaging';
import { StoredFile } from '../application/stored-file';
import { IncomingFile } from '../application/uploads.service';

/**
 * An answer given before the upload was read to its end (refused first, or part-way: over the cap, a forged head)
 * leaves the rest to be read and dropped, never kept: closing at once could reset the connection under the answer,
 * and the gateway stops sending as soon as it has it.
 */
@Injectable()
class DropUnreadUpload implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!request.complete) request.resume();
        return throwError(() => error);
      }),
    );
  }
}

/** An internal upload route: the file is the raw request body (the services parse JSON bodies only). */
export function UploadEndpoint(route: InternalRoute): MethodDecorator {
  return applyDecorators(InternalEndpoint(route), UseInterceptors(DropUnreadUpload));
}

/** The uploaded file: the request body still unread, named by X-File-Name (percent-encoded UTF-8). */
export const UploadedBody = createParamDecorator((_: unknown, context: ExecutionContext): IncomingFile => {
  const request = context.switchToHttp().getRequest<Request>();
  const header = request.header(InternalHeaders.fileName) ?? '';
  try {
    return { fileName: decodeURIComponent(header), content: request };
  } catch {
    throw new ValidationFailedError([{ field: InternalHeaders.fileName, message: 'must be percent-encoded UTF-8' }]);
  }
});

/** A stored file as the answer: its bytes, type, length and name, and its SHA-256 for the gateway to check. */
export function storedFileAnswer(response: Response, file: StoredFile, kind: 'attachment' | 'inline'): StreamableFile {
  response.setHeader(StoredFileHeaders.sha256, file.sha256);
  return new StreamableFile(file.content, {
    type: file.mediaType,
    length: file.content.length,
    disposition: contentDisposition(kind, file.fileName),
  });
}
