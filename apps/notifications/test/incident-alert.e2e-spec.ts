import type { AgencyView, ConferenceView, IncidentView, Page } from '@pressconf/contracts';
import { smallDirectory } from '@pressconf/testing/fixtures/directory';
import { countBy } from '@pressconf/testing/support/conference';
import { Stack, eventually } from '@pressconf/testing/support/stack';
import { formatDateTime } from '../src/rendering';
import { kindOf, recipientOf } from './support/mail';

const HOST_ROLES = ['CO_HOST', 'HUMAN_RIGHTS_STANDING_OFFICE', 'COORDINATOR'];

describe('the hosts’ alert on a fresh install', () => {
  let stack: Stack;

  beforeAll(async () => {
    // No HOST_ALERT_EMAILS: the registry alone says whom to alert.
    stack = await Stack.start({ env: { DEADLINE_WATCH_INTERVAL_MS: '1000', HOST_ALERT_EMAILS: '' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('reaches the registry’s co-host, standing office and coordinator when no conference was ever called', async () => {
    const agencies: AgencyView[] = [];
    for (const agency of smallDirectory()) {
      const created = await stack.api<AgencyView>('POST', '/agencies', { body: agency });
      expect(created.status).toBe(201);
      agencies.push(created.body);
    }
    expect((await stack.api<Page<ConferenceView>>('GET', '/conferences')).body.total).toBe(0);

    const detectedAt = new Date(Date.now() - 24 * 3600_000 - 60_000);
    const reported = await stack.api<IncidentView>('POST', '/incidents', {
      body: {
        title: 'Sự việc khiếu kiện đông người tại xã Ea Súp',
        description: 'Khoảng 50 người tập trung trước trụ sở Ủy ban nhân dân xã.',
        occurredAt: new Date(detectedAt.getTime() - 3600_000).toISOString(),
        detectedAt: detectedAt.toISOString(),
        topics: ['Đất đai'],
        agencyIds: [agencies.find((a) => a.roles.includes('INFORMATION_PROVIDER') && a.code.startsWith('SNN-'))!.id],
      },
    });
    expect(reported.status).toBe(201);
    const incidentId = reported.body.id;

    // Each host agency's spokesperson; the press, providers, leadership and co-chair are not alerted.
    const hosts = agencies
      .filter((a) => a.roles.some((role) => HOST_ROLES.includes(role)))
      .map((a) => ({ agency: a, contact: a.contacts.find((c) => c.spokesperson) ?? a.contacts[0] }));
    expect(hosts).toHaveLength(3);
    const alerts = await eventually(() => {
      const found = stack.smtp.received.filter((m) => m.parsed.headers.get('x-incident-id') === incidentId);
      return found.length >= hosts.length ? found : undefined;
    }, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // and nobody else, nor twice
    expect(countBy(alerts, recipientOf)).toEqual(new Map(hosts.map((h) => [h.contact.email.toLowerCase(), 1])));
    for (const { agency, contact } of hosts) {
      const mail = alerts.find((m) => recipientOf(m) === contact.email.toLowerCase())!;
      expect(kindOf(mail)).toBe('INCIDENT_DEADLINE_BREACHED');
      expect(mail.parsed.subject).toBe(
        '[Cảnh báo] Quá 24 giờ chưa triệu tập hội nghị đột xuất: Sự việc khiếu kiện đông người tại xã Ea Súp',
      );
      expect(mail.parsed.text).toContain(`Kính gửi: Ông/Bà ${contact.name}`);
      expect(mail.parsed.text).toContain(agency.name);
      expect(mail.parsed.text).toContain(`Hạn triệu tập: ${formatDateTime(reported.body.conveneBy, 'vi')}.`);
    }
    const breached = await stack.api<IncidentView>('GET', `/incidents/${incidentId}`);
    expect(breached.body.deadlineBreachedAt).not.toBeNull();
  });
});
