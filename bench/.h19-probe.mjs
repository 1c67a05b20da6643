import { Stack } from './lib/stack.mjs';
const stack = new Stack({ root: '/work/main', dist: '/tmp/h19-dist', serverUrl: 'postgres://postgres@127.0.0.1:5432/postgres', database: 'h19_probe_' + Date.now(), kafkaBrokers: '127.0.0.1:19892', logDir: '/tmp/h19-probe-logs', env: { LOG_LEVEL: 'warn' } });
try {
  await stack.start();
  const post = async (path, body, raw) => { const r = await fetch(stack.baseUrl + path, { method: 'POST', headers: { 'X-API-Key': stack.adminKey, 'Content-Type': 'application/json' }, body: raw ?? JSON.stringify(body) }); return [r.status, (await r.text()).slice(0, 200)]; };
  console.log('agency NUL name', await post('/agencies', { code: 'NUL1', name: 'Đắk\u0000Lắk', kind: 'DEPARTMENT', roles: ['INFORMATION_PROVIDER'] }));
  console.log('agency lone surrogate', await post('/agencies', { code: 'SUR1', name: 'x\uD800y', kind: 'DEPARTMENT', roles: ['INFORMATION_PROVIDER'] }));
  console.log('conference NUL venue', await post('/conferences', { kind: 'PERIODIC', title: 'T', startsAt: '2027-03-15T09:00:00+07:00', endsAt: '2027-03-15T11:00:00+07:00', venue: 'a\u0000b', topics: ['x'] }));
  console.log('conference NUL topic', await post('/conferences', { kind: 'PERIODIC', title: 'T', startsAt: '2027-03-15T09:00:00+07:00', endsAt: '2027-03-15T11:00:00+07:00', venue: 'v', topics: ['x\u0000'] }));
  console.log('api key NUL name', await post('/api-keys', { name: 'k\u0000', role: 'reader' }));
  console.log('incident NUL', await post('/incidents', { title: 't\u0000', description: 'd', occurredAt: new Date().toISOString(), topics: ['a'], agencyIds: [] }));
  console.log('year 10000', await post('/conferences', { kind: 'PERIODIC', title: 'T', startsAt: '+010000-03-15T09:00:00+07:00', endsAt: '+010000-03-15T11:00:00+07:00', venue: 'v', topics: ['x'] }));
  console.log('year 0001', await post('/conferences', { kind: 'PERIODIC', title: 'T', startsAt: '0001-01-01T00:00:00+07:00', endsAt: '0001-01-01T02:00:00+07:00', venue: 'v', topics: ['x'] }));
  console.log('offset +14:59', await post('/conferences', { kind: 'PERIODIC', title: 'T', startsAt: '2027-03-15T09:00:00+14:59', endsAt: '2027-03-15T11:00:00+14:59', venue: 'v', topics: ['x'] }));
  console.log('Feb 30', await post('/conferences', { kind: 'PERIODIC', title: 'T', startsAt: '2027-02-30T09:00:00+07:00', endsAt: '2027-02-30T11:00:00+07:00', venue: 'v', topics: ['x'] }));
} finally { await stack.stop(); }
