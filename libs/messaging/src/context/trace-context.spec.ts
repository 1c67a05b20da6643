import { childTraceparent, parseTraceparent, traceIdOf } from './trace-context';

describe('trace context', () => {
  const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('keeps the trace id and opens a new span', () => {
    const child = childTraceparent(parent);
    expect(traceIdOf(child)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(parseTraceparent(child)!.spanId).not.toBe('00f067aa0ba902b7');
  });

  it('starts a new trace when there is no valid parent', () => {
    for (const bad of [undefined, '', 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
      expect(parseTraceparent(childTraceparent(bad))).toBeDefined();
      expect(parseTraceparent(bad)).toBeUndefined();
    }
  });
});
