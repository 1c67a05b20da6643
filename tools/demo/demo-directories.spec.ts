import 'reflect-metadata'; // class-transformer's decorators need it; the services load it in main.ts
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { AgencyRoles, CreateAgencyDto, ValidationFailedError, validateInto } from '@pressconf/contracts';
import { loadProvinceProfile, matchingIssuer, profileFileOf } from '@pressconf/province';
import { PROVINCES, ROOT } from '../deploy/repo';

// The demo directories `npm start` seeds, one per province profile that names one (Đắk Lắk's, Khánh Hòa's): each must
// stay a set of valid create bodies (a change to the contract would otherwise break only the demo, and only at run
// time), fill every role of the plan, and name no other province.
const profiles = PROVINCES.map((id) => loadProvinceProfile(id));
const directories = profiles
  .filter((profile) => profile.demoDirectory)
  .map((profile) => {
    const file = resolve(dirname(profileFileOf(profile.id)), profile.demoDirectory!);
    const text = readFileSync(file, 'utf8');
    return {
      profile,
      file: relative(ROOT, file),
      text,
      agencies: (JSON.parse(text) as { agencies: CreateAgencyDto[] }).agencies,
    };
  });
const withRole = (agencies: CreateAgencyDto[], role: string) =>
  agencies.filter((a) => a.roles.includes(role as CreateAgencyDto['roles'][number]));

it('Đắk Lắk’s and Khánh Hòa’s profiles each have a demo directory', () => {
  expect(directories.map((d) => d.file).sort()).toEqual(
    expect.arrayContaining([
      join('tools', 'demo', 'daklak-agencies.json'),
      join('tools', 'demo', 'khanhhoa-agencies.json'),
    ]),
  );
});

describe.each(directories.map((d) => [d.file, d] as const))('demo directory %s', (_file, directory) => {
  const { agencies, profile } = directory;

  it('holds 15 to 35 agencies with unique codes', () => {
    expect(agencies.length).toBeGreaterThanOrEqual(15);
    expect(agencies.length).toBeLessThanOrEqual(35);
    expect(new Set(agencies.map((a) => a.code)).size).toBe(agencies.length);
  });

  it('holds only valid POST /agencies bodies', async () => {
    for (const agency of agencies) {
      const errors = await validateInto(CreateAgencyDto, agency).then(
        () => [],
        (error: unknown) => (error instanceof ValidationFailedError ? error.errors : [String(error)]),
      );
      expect({ code: agency.code, errors }).toEqual({ code: agency.code, errors: [] });
    }
  });

  it('fills every role of the plan, the hosts’ roles exactly once', () => {
    for (const role of AgencyRoles) expect(withRole(agencies, role).length).toBeGreaterThan(0);
    for (const role of [
      'CO_HOST',
      'HUMAN_RIGHTS_STANDING_OFFICE',
      'COORDINATOR',
      'PRESS_BRIEFING_CO_CHAIR',
      'PORTAL',
    ]) {
      expect(withRole(agencies, role)).toHaveLength(1);
    }
  });

  it('gives every press agency a leader and a reporter', () => {
    for (const press of withRole(agencies, 'PRESS')) expect(press.contacts?.length).toBeGreaterThanOrEqual(2);
  });

  it('gives every information provider a spokesperson, and a field or a territory to be matched on', () => {
    for (const provider of withRole(agencies, 'INFORMATION_PROVIDER')) {
      expect(provider.contacts?.some((c) => c.spokesperson)).toBe(true);
      expect((provider.fields?.length ?? 0) > 0 || Boolean(provider.territory)).toBe(true);
    }
  });

  it('uses only reserved example domains, so that no real mailbox receives demo mail', () => {
    const emails = agencies.flatMap((a) => a.contacts ?? []).map((c) => c.email);
    for (const email of emails) expect(email).toMatch(/@([a-z0-9-]+\.)*example$/);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('is its own province’s: its coordinator issues the letters, and no other province is named', () => {
    const coordinator = withRole(agencies, 'COORDINATOR')[0].name;
    expect(coordinator).toContain(profile.name);
    expect(matchingIssuer(profile, coordinator)).toBeDefined();
    for (const other of profiles.filter((p) => p.id !== profile.id)) expect(directory.text).not.toContain(other.name);
  });
});
