import { rendered } from './repo';
import { POLICIES } from './policy';
import { codeFacts } from './facts';
test('probe', () => {
  const f = codeFacts();
  console.log(f.apps, [...f.envNames].length, f.topics.length, f.partitions, f.databasePoolSize);
  for (const dir of ['k8s/base', 'k8s/overlays/dev', 'k8s/overlays/prod']) {
    for (const [name, fn] of Object.entries(POLICIES)) {
      const p = fn(rendered(dir), f, dir.endsWith('dev') ? [] : ['pressconf-secrets']);
      if (p.length) console.log(dir, name, p);
    }
  }
});
