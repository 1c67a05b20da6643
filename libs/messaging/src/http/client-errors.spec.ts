import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { answerClientErrorsWithProblems } from './client-errors';

/** Sends raw bytes and returns everything the server answers before it closes the connection. */
function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('answerClientErrorsWithProblems', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_, response) => response.end('ok'));
    answerClientErrorsWithProblems(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers a URL over the header limit with a 431 problem and closes', async () => {
    const answer = await exchange(port, `GET /x?q=${'q'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({ status: 431 });
  });

  it('answers a broken request line with a 400 problem', async () => {
    const answer = await exchange(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({ status: 400 });
  });
});
