import { schemaDrift } from '@pressconf/testing/support/migrations';
import { SUBMISSIONS_ENTITIES, SUBMISSIONS_MIGRATIONS } from '../src/database/schema';

describe('submissions: migrations and entities', () => {
  it('agree: after the migrations, a generated migration would be empty', async () => {
    expect(await schemaDrift('submissions', SUBMISSIONS_ENTITIES, SUBMISSIONS_MIGRATIONS)).toEqual([]);
  });
});
