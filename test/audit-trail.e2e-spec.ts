import { randomUUID } from 'node:crypto';
import type {
  Actor,
  AuditEventView,
  AuditSlice,
  BriefRequestView,
  BriefView,
  ConferenceView,
  CreatedApiKeyView,
  DeliveryView,
  InvitationView,
  Page,
  ServiceName,
  WebhookSubscriptionView,
} from '@pressconf/contracts';
import { signActorToken } from '@pressconf/messaging';
import { eventually, freePort, Stack } from './support/stack';
import { callPeriodicConference, invitationLinkOf, invitationMails } from './support/conference';

/**
 * One conference's life through the public API, then each service's slice of the audit trail read as the gateway
 * reads it (the internal route, a signed actor token): who did what, under which correlation id, field by field.
 */
describe('audit trail: every service records who changed what, append-only', () => {
  let stack: Stack;
  const callCorrelation = `audit-call-${randomUUID()}`;
  let coordinator: { id: string; key: string };
  let agency: { id: string; key: string; agencyId: string };
  let conference: ConferenceView;
  let request: BriefRequestView;
  let brief: BriefView;
  let answered: InvitationView;
  let resent: DeliveryView;
  let subscription: WebhookSubscriptionView;

  const issue = async (role: string, agencyId?: string) => {
    const issued = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
      body: { name: `Khóa thử ${role}`, role, ...(agencyId ? { agencyId } : {}) },
    });
    expect(issued.status).toBe(201);
    return { id: issued.body.id, key: issued.body.key };
  };

  /** A service's whole slice, newest first, as the gateway asks for it. */
  const slice = async (service: Exclude<ServiceName, 'gateway'>, query = '') => {
    const staff: Actor = { role: 'coordinator', subject: 'audit-e2e' };
    const token = await signActorToken(staff, service, stack.actorTokenKeys.privateKey);
    const response = await fetch(
      `http://127.0.0.1:${stack.ports[service]}/internal/audit-events?limit=1000&count=true${query}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as AuditSlice;
  };
  const of = (events: AuditEventView[], action: string, entityId?: string) =>
    events.filter((e) => e.action === action && (entityId === undefined || e.entityId === entityId));

  beforeAll(async () => {
    stack = await Stack.start({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    // Mail to the People's Committee is refused for good: its invitation ends FAILED, to be queued again.
    stack.smtp.rejectRecipients = /^ubnd\./;
    coordinator = await issue('coordinator');
    // The agencies by the admin key; the conference drafted and called by the coordinator's, under one correlation id.
    const asCoordinator = { key: coordinator.key, headers: { 'X-Correlation-Id': callCorrelation } };
    ({ conference } = await callPeriodicConference(stack, { caller: asCoordinator }));

    request = await eventually(async () => {
      const page = await stack.api<Page<BriefRequestView>>('GET', `/conferences/${conference.id}/brief-requests`);
      return page.body.items[0];
    });
    agency = { ...(await issue('agency', request.agencyId)), agencyId: request.agencyId };
    const saved = await stack.api<BriefView>('POST', `/brief-requests/${request.id}/briefs`, {
      key: agency.key,
      body: { title: 'Báo cáo tình hình tháng 11/2026', summary: 'Ổn định.', body: 'Không phát sinh vụ việc.' },
    });
    expect(saved.status).toBe(201);
    brief = saved.body;
    expect((await stack.api('POST', `/brief-requests/${request.id}/submit`, { key: agency.key })).status).toBe(200);
    const reviewed = await stack.api('POST', `/brief-requests/${request.id}/review`, {
      key: coordinator.key,
      body: { decision: 'ACCEPT', comment: 'Đạt yêu cầu.' },
    });
    expect(reviewed.status).toBe(200);

    const mail = await eventually(() => invitationMails(stack, conference.id)[0]);
    const page = new URL(invitationLinkOf(mail));
    const rsvp = await fetch(`${page.origin}/api/v1/invitations/${page.pathname.split('/').pop()}/rsvp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response: 'DELEGATE', delegateName: 'Trần Văn Bình', delegateTitle: 'Phó Giám đốc' }),
    });
    expect(rsvp.status).toBe(200);
    const invitations = await stack.api<Page<InvitationView>>(
      'GET',
      `/conferences/${conference.id}/invitations?pageSize=100`,
    );
    answered = invitations.body.items.find((i) => i.email === mail.envelopeTo[0])!;

    const failed = await eventually(async () => {
      const deliveries = await stack.api<Page<DeliveryView>>(
        'GET',
        `/deliveries?conferenceId=${conference.id}&status=FAILED&kind=INVITATION`,
      );
      return deliveries.body.items[0];
    }, 60_000);
    const resend = await stack.api<DeliveryView>('POST', `/deliveries/${failed.id}/resend`, { key: coordinator.key });
    expect(resend.status).toBe(200);
    resent = resend.body;

    const created = await stack.api<WebhookSubscriptionView>('POST', '/webhook-subscriptions', {
      body: { url: `http://127.0.0.1:${await freePort()}/hooks`, eventTypes: ['scheduling.conference.called.v1'] },
    });
    expect(created.status).toBe(201);
    subscription = created.body;
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const byCoordinator = () => ({ role: 'coordinator', subject: `api-key:${coordinator.id}` });

  it('names the coordinator and the correlation id of the call in scheduling, field by field', async () => {
    const { items, total } = await slice('scheduling');
    expect(total).toBe(items.length);
    const [created] = of(items, 'conference.created', conference.id);
    expect(created).toMatchObject({
      actor: byCoordinator(),
      entityType: 'conference',
      correlationId: callCorrelation,
      service: 'scheduling',
      changes: { title: { from: null, to: conference.title }, status: { from: null, to: 'DRAFT' } },
    });
    const [called] = of(items, 'conference.called', conference.id);
    expect(called).toMatchObject({ actor: byCoordinator(), correlationId: callCorrelation });
    expect(called.changes.status).toEqual({ from: 'DRAFT', to: 'CALLED' });
    const invitees = of(items, 'invitee.created').filter((e) => e.correlationId === callCorrelation);
    expect(invitees).toHaveLength(conference.participants.length);
    expect(invitees.every((e) => e.actor.subject === `api-key:${coordinator.id}`)).toBe(true);
    // Fields are named as the API names them, never as columns; bookkeeping columns are left out.
    for (const event of items) {
      for (const [field, change] of Object.entries(event.changes)) {
        expect(field).toMatch(/^[a-z][a-zA-Z0-9]*$/);
        expect(Object.keys(change).sort()).toEqual(['from', 'to']);
      }
    }
    expect(created.changes).not.toHaveProperty('createdAt');
    expect(created.changes).toHaveProperty('startsAt');
    // Newest first: called after created.
    expect(items.indexOf(called)).toBeLessThan(items.indexOf(created));
    expect((await slice('scheduling', `&action=conference.called&entityId=${conference.id}`)).items).toEqual([called]);
  });

  it('names the consumer for what an event caused, and the agency key for its brief, in submissions', async () => {
    const { items } = await slice('submissions');
    const [opened] = of(items, 'brief-request.created', request.id);
    expect(opened.actor).toEqual({ role: 'system', subject: 'submissions.brief-requests' });
    expect(opened.correlationId).toBe(callCorrelation);
    const byAgency = { role: 'agency', subject: `api-key:${agency.id}`, agencyId: agency.agencyId };
    expect(of(items, 'brief.created', brief.id)).toEqual([expect.objectContaining({ actor: byAgency })]);
    const [version] = of(items, 'brief-version.created', `${brief.id}/1`);
    expect(version).toMatchObject({ actor: byAgency, changes: { title: { from: null, to: brief.version.title } } });
    expect(of(items, 'brief-request.submitted', request.id)).toEqual([expect.objectContaining({ actor: byAgency })]);
    const [review] = of(items, 'brief-review.created');
    expect(review).toMatchObject({ actor: byCoordinator(), changes: { decision: { from: null, to: 'ACCEPT' } } });
    expect(of(items, 'brief-request.accepted', request.id)[0].actor).toEqual(byCoordinator());
  });

  it('names the invitation for its answer, the resend’s caller, and keeps secrets out in notifications', async () => {
    const { items } = await slice('notifications');
    expect(of(items, 'invitation.answered')).toEqual([
      expect.objectContaining({
        actor: { role: 'invitee', subject: answered.id },
        entityId: answered.id,
        changes: expect.objectContaining({
          rsvp: { from: 'PENDING', to: 'DELEGATE' },
          delegateName: { from: null, to: 'Trần Văn Bình' },
        }) as unknown,
      }),
    ]);
    const [resend] = of(items, 'delivery.resent', resent.id);
    expect(resend).toMatchObject({ actor: byCoordinator(), changes: { resends: { from: 0, to: 1 } } });
    // Only what someone did: no row for the mail sent or failed by the worker.
    expect(items.filter((e) => e.entityType === 'delivery')).toEqual([resend]);

    const [created] = of(items, 'webhook-subscription.created', subscription.id);
    expect(created.actor).toEqual({ role: 'admin', subject: 'bootstrap-admin' });
    expect(created.changes.secret.to).toMatch(/^sha256:[0-9a-f]{64}$/);
    const trail = JSON.stringify(items);
    expect(trail).not.toContain(subscription.secret);
    expect(trail).not.toContain('whsec_');
  });

  it('merges every service’s rows newest first on GET /audit-events for the admin', async () => {
    const page = await stack.api<Page<AuditEventView>>('GET', '/audit-events?pageSize=100');
    expect(page.status).toBe(200);
    const services = new Set(page.body.items.map((e) => e.service));
    expect([...services].sort()).toEqual(['gateway', 'notifications', 'scheduling', 'submissions']);
    const times = page.body.items.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('refuses to change or remove a row, even to the database’s superuser', async () => {
    const before = await stack.query<{ n: number }>('SELECT count(*)::int AS n FROM scheduling.audit_event');
    expect(before[0].n).toBeGreaterThan(0);
    for (const statement of [
      `UPDATE scheduling.audit_event SET action = 'x'`,
      'DELETE FROM scheduling.audit_event',
      'TRUNCATE scheduling.audit_event',
      `UPDATE notifications.audit_event SET changes = '{}'`,
    ]) {
      await expect(stack.query(statement)).rejects.toThrow(/append-only/);
    }
    const after = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scheduling.audit_event WHERE action <> 'x'`,
    );
    expect(after[0].n).toBe(before[0].n);
  });
});
