import { warm } from './letter-worker';

describe('the letter thread warming up', () => {
  it('lays out its sample letter without an error (RenderPool.warm ignores a failed warm-up)', async () => {
    await expect(warm()).resolves.toBeUndefined();
  });
});
