import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { catchError, Observable, throwError } from 'rxjs';
import { problem } from '@pressconf/contracts';
import { ProblemError } from '../bus/service-bus';
import { attachmentMaxBytes, UploadedFile } from './file-transfer';

const MB = 1024 * 1024;

/** multer's own 413 says "File too large"; this one says what the limit is. */
@Injectable()
class FileTooLargeAsProblem implements NestInterceptor {
  intercept(_: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error) => {
        if (!(error instanceof PayloadTooLargeException)) return throwError(() => error);
        const max = attachmentMaxBytes();
        return throwError(
          () =>
            new ProblemError(
              problem(413, `The file is larger than the limit of ${Number((max / MB).toFixed(1))} MB (${max} bytes).`, {
                limitBytes: max,
              }),
            ),
        );
      }),
    );
  }
}

const problemContent = { 'application/problem+json': { schema: { $ref: getSchemaPath('Problem') } } };

/**
 * A multipart upload with one file in the field `file`, held in memory up to the cap: multer stops reading
 * the request as soon as the file passes the cap (413), before the rest arrives. File names are read as UTF-8.
 */
export function FileUpload(fields: Record<string, object> = {}, required: string[] = []) {
  return applyDecorators(
    UseInterceptors(
      FileTooLargeAsProblem,
      FileInterceptor('file', {
        limits: { fileSize: attachmentMaxBytes(), files: 1, fields: 5, fieldSize: 20_000, parts: 6 },
        defParamCharset: 'utf8',
      }),
    ),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file', ...required],
        properties: { file: { type: 'string', format: 'binary', description: 'PDF, DOCX, PNG or JPEG' }, ...fields },
      },
    }),
    ApiResponse({ status: 413, description: 'The file is over the size cap (ATTACHMENT_MAX_BYTES)', content: problemContent }),
    ApiResponse({
      status: 415,
      description: 'The file’s content is not PDF, DOCX, PNG or JPEG, whatever its name',
      content: problemContent,
    }),
  );
}

/** The uploaded file, or a 400 naming the missing field. */
export function requireFile(file: UploadedFile | undefined): UploadedFile {
  if (!file) {
    throw new ProblemError(
      problem(400, 'Send the file as multipart/form-data in the field `file`.', {
        errors: [{ field: 'file', message: 'is required' }],
      }),
    );
  }
  return file;
}
