import { schemaDrift } from '@pressconf/testing/support/migrations';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../src/database/schema';

describe('notifications: migrations and entities', () => {
  it('agree: after the migrations, a generated migration would be empty', async () => {
    expect(await schemaDrift('notifications', NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS)).toEqual([]);
  });
});
