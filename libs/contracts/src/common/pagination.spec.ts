import { ValidationFailedError } from './errors';
import { MAX_PAGE, PageQuery } from './pagination';
import { validateInto } from './validate';

describe('PageQuery', () => {
  it('reads page and pageSize from the query string, with their defaults', async () => {
    await expect(validateInto(PageQuery, {})).resolves.toMatchObject({ page: 1, pageSize: 20 });
    await expect(validateInto(PageQuery, { page: String(MAX_PAGE), pageSize: '100' })).resolves.toMatchObject({
      page: MAX_PAGE,
      pageSize: 100,
    });
  });

  it.each([
    ['page', '1e21'],
    ['page', '99999999999999999999'],
    ['page', String(MAX_PAGE + 1)],
    ['page', '0'],
    ['page', '2.5'],
    ['pageSize', '101'],
    ['pageSize', 'Infinity'],
  ])('refuses %s=%s with a 400 naming the field', async (field, value) => {
    const error = await validateInto(PageQuery, { [field]: value }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(new Set((error as ValidationFailedError).errors.map((e) => e.field))).toEqual(new Set([field]));
  });
});
