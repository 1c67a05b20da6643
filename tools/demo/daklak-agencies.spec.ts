import 'reflect-metadata'; // class-transformer's decorators need it; the services load it in main.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgencyRoles, CreateAgencyDto, ValidationFailedError, validateInto } from '@pressconf/contracts';

// The demo directory seeded by `npm start`: it must stay a set of valid create bodies (a change to the contract
// would otherwise break only the demo, and only at run time) and must fill every role of the plan.
const file = JSON.parse(readFileSync(join(__dirname, 'daklak-agencies.json'), 'utf8')) as {
  agencies: CreateAgencyDto[];
};
const agencies = file.agencies;
const withRole = (role: string) => agencies.filter((a) => a.roles.includes(role as CreateAgencyDto['roles'][number]));

describe('demo directory of Đắk Lắk agencies', () => {
  it('holds 25 to 35 agencies with unique codes', () => {
    expect(agencies.length).toBeGreaterThanOrEqual(25);
    expect(agencies.length).toBeLessThanOrEqual(35);
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
  });

  it.each(agencies.map((a) => [a.code, a] as const))('%s is a valid POST /agencies body', async (_code, agency) => {
    const errors = await validateInto(CreateAgencyDto, agency).then(
      () => [],
      (error: unknown) => (error instanceof ValidationFailedError ? error.errors : [String(error)]),
    );
    expect(errors).toEqual([]);
  });

  it('fills every role of the plan', () => {
    for (const role of AgencyRoles) expect(withRole(role).length).toBeGreaterThan(0);
  });

  it.each(['CO_HOST', 'HUMAN_RIGHTS_STANDING_OFFICE', 'COORDINATOR', 'PRESS_BRIEFING_CO_CHAIR', 'PORTAL'])(
    'has exactly one %s',
    (role) => expect(withRole(role)).toHaveLength(1),
  );

  it('gives every press agency a leader and a reporter', () => {
    for (const press of withRole('PRESS')) expect(press.contacts?.length).toBeGreaterThanOrEqual(2);
  });

  it('gives every information provider a spokesperson, and a field or a territory to be matched on', () => {
    for (const provider of withRole('INFORMATION_PROVIDER')) {
      expect(provider.contacts?.some((c) => c.spokesperson)).toBe(true);
      expect((provider.fields?.length ?? 0) > 0 || Boolean(provider.territory)).toBe(true);
    }
  });

  it('uses only reserved example domains, so that no real mailbox receives demo mail', () => {
    const emails = agencies.flatMap((a) => a.contacts ?? []).map((c) => c.email);
    for (const email of emails) expect(email).toMatch(/@([a-z0-9-]+\.)*example$/);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
