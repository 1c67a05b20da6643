import { schemaDrift } from '@pressconf/testing/support/migrations';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../src/database/schema';

describe('gateway: migrations and entities', () => {
  it('agree: after the migrations, a generated migration would be empty', async () => {
    expect(await schemaDrift('gateway', GATEWAY_ENTITIES, GATEWAY_MIGRATIONS, { messaging: false })).toEqual([]);
  });
});
