import { schemaDrift } from '@pressconf/testing/support/migrations';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from '../src/database/schema';

describe('scheduling: migrations and entities', () => {
  it('agree: after the migrations, a generated migration would be empty', async () => {
    expect(await schemaDrift('scheduling', SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS)).toEqual([]);
  });
});
