// The raw HTTP hop, gateway side: node:http answers GET /api/v1/conferences/:id and POST /api/v1/conferences by
// calling the back (back.mjs) over an undici keep-alive Pool with the gateway's ServiceClient settings, with no
// framework, no API key, no validation and no actor token around it.
import http from 'node:http';
import { Pool, errors } from 'undici';

const env = process.env;
const timeoutMs = Number(env.GATEWAY_RPC_TIMEOUT_MS ?? 10_000);
const pool = new Pool(env.RAW_HTTP_BACK_URL, {
  connections: Number(env.GATEWAY_SERVICE_CONNECTIONS ?? 64),
  keepAliveTimeout: 30_000,
  connectTimeout: 2_000,
});

async function call(method, path, body) {
  const answer = await pool.request({
    method,
    path,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  // Parsed and serialised again, as the gateway does with a service's answer.
  return { status: answer.statusCode, body: await answer.body.json() };
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let reply;
    try {
      const match = /^\/api\/v1\/conferences(?:\/([0-9a-f-]{36}))?$/.exec(req.url ?? '');
      if (req.method === 'GET' && match?.[1]) reply = await call('GET', `/conferences/${match[1]}`);
      else if (req.method === 'POST' && match && !match[1]) {
        reply = await call(
          'POST',
          '/conferences',
          JSON.stringify(JSON.parse(Buffer.concat(chunks).toString() || '{}')),
        );
      } else reply = { status: 404, body: { title: 'Not Found' } };
    } catch (error) {
      const timedOut = error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError;
      reply = {
        status: error instanceof SyntaxError ? 400 : timedOut ? 504 : 503,
        body: { title: String(error.message) },
      };
    }
    const body = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(env.RAW_HTTP_PORT), '127.0.0.1', () => process.send?.({ type: 'ready' }));

async function shutdown() {
  server.close();
  server.closeAllConnections();
  await pool.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
