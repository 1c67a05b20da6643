import { Role, Roles } from '@pressconf/contracts';
import type { CreatedApiKeyView } from '@pressconf/contracts';
import type { Stack } from './stack';

/** Issues an API key of `role` with the admin key; `agency`, `press` and `host` keys act for `agencyId`. */
export async function issueKey(stack: Stack, role: Role, agencyId?: string): Promise<string> {
  const issued = await stack.api<CreatedApiKeyView>('POST', '/api-keys', {
    body: { name: `Khóa thử ${role}`, role, ...(agencyId ? { agencyId } : {}) },
  });
  if (issued.status !== 201) throw new Error(`issuing a ${role} key answered ${issued.status}`);
  return issued.body.key;
}

/**
 * One key per role: the agency key acts for `agencyId`, the press key for `pressAgencyId`, the host key for
 * `hostAgencyId` (a host reads only the conferences its agency hosts).
 */
export async function issueRoleKeys(
  stack: Stack,
  agencies: { agencyId: string; pressAgencyId: string; hostAgencyId: string },
): Promise<Record<Role, string>> {
  const bound: Partial<Record<Role, string>> = {
    agency: agencies.agencyId,
    press: agencies.pressAgencyId,
    host: agencies.hostAgencyId,
  };
  const keys = await Promise.all(Roles.map((role) => issueKey(stack, role, bound[role])));
  return Object.fromEntries(Roles.map((role, i) => [role, keys[i]])) as Record<Role, string>;
}

/** A 1×1 PNG: the smallest file the attachment routes accept. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Runs `tasks` at most `width` at a time: enough to be quick, few enough not to time out a 2-core machine. */
export async function inBatches<T>(tasks: Array<() => Promise<T>>, width = 12): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}
