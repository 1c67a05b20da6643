import { readFileSync } from 'node:fs';
import { README, withConfigTable } from './config-docs';
import { configVariables, defaultOf } from './schemas';

describe("the README's configuration table", () => {
  it('is the one generated from the schemas (run `npm run config:docs` after changing a schema)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withConfigTable(readme)).toBe(readme);
  });

  it('documents every variable with a meaning', () => {
    for (const variable of configVariables()) expect(variable.description.length).toBeGreaterThan(3);
  });

  it('keeps the shared variables declared once, read by every app that composes them', () => {
    const byName = new Map(configVariables().map((v) => [v.name, v]));
    expect(byName.get('DATABASE_URL')?.apps).toEqual(['gateway', 'scheduling', 'submissions', 'notifications']);
    expect(byName.get('KAFKA_BROKERS')?.apps).toEqual(['scheduling', 'submissions', 'notifications']);
    expect(byName.get('INTERNAL_AUTH_PRIVATE_KEY')?.apps).toEqual(['gateway']);
    expect(byName.get('SCHEDULING_PORT')?.apps).toEqual(['gateway', 'scheduling']);
    expect(defaultOf('gateway', 'GATEWAY_PORT')).toBe(3000);
  });
});
