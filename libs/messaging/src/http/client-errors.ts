import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from '@pressconf/contracts';

/** What Node's HTTP parser says, as the status a caller is told. */
function statusOf(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * A request that Node's HTTP parser refuses before any handler sees it (a URL or headers over the size limit, a
 * broken request line) is answered as problem+json like every other error, instead of Node's bare status line;
 * the connection is then closed, as Node does.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on(
    'clientError',
    (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
      if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
        socket.destroy();
        return;
      }
      const status = statusOf(error.code);
      const detail =
        status === 431 ? 'The request line or its headers are larger than allowed.' : 'The request is not valid HTTP.';
      const body = JSON.stringify(problem(status, detail));
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  );
}
