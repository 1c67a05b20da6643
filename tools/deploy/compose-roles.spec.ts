/**
 * docker-compose.yml runs each app as its own PostgreSQL role, set up by the SQL that `npm start` runs too; each
 * check also fails on a broken copy of the file.
 */
import { COMPOSE_FILE, ComposeFile, parseCompose } from './compose';
import { composeDatabaseRoles, renderedRolesSql, ROLES_SQL } from './compose-roles';
import { codeFacts } from './facts';
import { clone, readText } from './repo';

const facts = codeFacts();
const compose = (): ComposeFile => clone(parseCompose(readText(COMPOSE_FILE)));

describe('database roles in docker-compose.yml', () => {
  it(`${ROLES_SQL} is what tools/lib/database-roles.mjs renders (else: node tools/lib/database-roles.mjs compose-sql > ${ROLES_SQL})`, () => {
    expect(readText(ROLES_SQL)).toBe(renderedRolesSql());
  });

  it('runs each app as its own role, after the roles are set up', () => {
    expect(composeDatabaseRoles(compose(), facts)).toEqual([]);
  });

  it('fails for an app as the admin user, a password the roles do not have, an app that does not wait', () => {
    const file = compose();
    const services = file.services!;
    (services.scheduling.environment as Record<string, string>).DATABASE_URL =
      'postgres://postgres:postgres@postgres:5432/pressconf';
    (services.gateway.environment as Record<string, string>).DATABASE_URL =
      'postgres://pressconf_gateway:guess@postgres:5432/pressconf';
    delete (services.notifications.depends_on as Record<string, unknown>)['postgres-roles'];
    expect(composeDatabaseRoles(file, facts)).toEqual([
      'gateway: the password in DATABASE_URL is not the one postgres-roles gives pressconf_gateway',
      'notifications: does not wait for postgres-roles to complete',
      'scheduling: connects as postgres (the admin user), not pressconf_scheduling',
    ]);
  });

  it('fails when nothing sets the roles up', () => {
    const file = compose();
    delete file.services!['postgres-roles'];
    expect(composeDatabaseRoles(file, facts)).toEqual([`0 services run ${ROLES_SQL} (expected one, before the apps)`]);
  });
});
