// The raw HTTP hop, service side: node:http answers the front's GET /conferences/:id and POST /conferences with
// one SQL statement each (GET: read the conference's JSON by id; POST: insert a row), the same statements the
// raw Kafka request/reply back ran. No Nest, no TypeORM, no validation, no token check.
import http from 'node:http';
import pg from 'pg';

const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
await pool.query('CREATE SCHEMA IF NOT EXISTS bench_raw_http');
await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_http.conference (id uuid PRIMARY KEY, view jsonb NOT NULL)');
const fixture = JSON.parse(env.RAW_HTTP_FIXTURE_JSON);
await pool.query('INSERT INTO bench_raw_http.conference (id, view) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
  env.RAW_HTTP_CONFERENCE_ID,
  fixture.get,
]);

async function answer(method, id, body) {
  if (method === 'GET' && id) {
    const { rows } = await pool.query('SELECT view FROM bench_raw_http.conference WHERE id = $1', [id]);
    return rows[0] ? { status: 200, body: rows[0].view } : { status: 404, body: { title: 'Not Found' } };
  }
  if (method === 'POST' && !id) {
    const { rows } = await pool.query(
      'INSERT INTO bench_raw_http.conference (id, view) VALUES (gen_random_uuid(), $1) RETURNING id, view',
      [{ ...fixture.post, title: JSON.parse(body || '{}').title }],
    );
    return { status: 201, body: { ...rows[0].view, id: rows[0].id } };
  }
  return { status: 404, body: { title: 'Not Found' } };
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    let reply;
    try {
      const match = /^\/conferences(?:\/([0-9a-f-]{36}))?$/.exec(req.url ?? '');
      reply = match
        ? await answer(req.method, match[1], Buffer.concat(chunks).toString())
        : { status: 404, body: { title: 'Not Found' } };
    } catch (error) {
      reply = { status: 500, body: { title: String(error.message) } };
    }
    const body = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
// Longer than the front's pool keeps an idle connection, so the front never reuses one the back is closing.
server.keepAliveTimeout = 60_000;
server.listen(Number(env.RAW_HTTP_BACK_PORT), '127.0.0.1', () => process.send?.({ type: 'ready' }));

async function shutdown() {
  server.close();
  server.closeAllConnections();
  await pool.end().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
