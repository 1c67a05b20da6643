/**
 * The configuration schemas of the apps (apps/<app>/src/config.ts), for the tools that document and check the
 * deployment: the README's configuration table (config-docs.ts) and tools/deploy.
 */
import type { z } from 'zod';
import { describeEnv, type EnvDoc } from '@pressconf/messaging';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the tools read each app's configuration schema (data only, apps/<app>/src/config.ts); Nx forbids every import of an app
import { gatewayEnv } from '@pressconf/gateway/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the tools read each app's configuration schema (data only, apps/<app>/src/config.ts); Nx forbids every import of an app
import { notificationsEnv } from '@pressconf/notifications/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the tools read each app's configuration schema (data only, apps/<app>/src/config.ts); Nx forbids every import of an app
import { schedulingEnv } from '@pressconf/scheduling/config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the tools read each app's configuration schema (data only, apps/<app>/src/config.ts); Nx forbids every import of an app
import { submissionsEnv } from '@pressconf/submissions/config';

export const APP_CONFIG_SCHEMAS: Readonly<Record<string, z.ZodObject>> = {
  gateway: gatewayEnv,
  scheduling: schedulingEnv,
  submissions: submissionsEnv,
  notifications: notificationsEnv,
};

export function configSchemaOf(app: string): z.ZodObject {
  const schema = APP_CONFIG_SCHEMAS[app];
  if (!schema)
    throw new Error(`apps/${app}: no configuration schema in tools/config/schemas.ts (apps/${app}/src/config.ts)`);
  return schema;
}

export interface ConfigVariable extends EnvDoc {
  name: string;
  /** The apps whose schema declares it, in the order of APP_CONFIG_SCHEMAS. */
  apps: string[];
}

/** Every variable of every app, in the order the apps' schemas declare them (the first app's order first). */
export function configVariables(): ConfigVariable[] {
  const variables = new Map<string, ConfigVariable>();
  for (const [app, schema] of Object.entries(APP_CONFIG_SCHEMAS)) {
    for (const variable of describeEnv(schema)) {
      const known = variables.get(variable.name);
      if (!known) variables.set(variable.name, { ...variable, apps: [app] });
      else if (known.description !== variable.description) {
        throw new Error(
          `${variable.name} is declared twice with different meanings: declare it once in libs/messaging`,
        );
      } else known.apps.push(app);
    }
  }
  return [...variables.values()];
}

/** The value an app takes for a variable that is not set (undefined when it has none). */
export function defaultOf(app: string, variable: string): unknown {
  const schema = configSchemaOf(app).shape[variable] as z.ZodType | undefined;
  if (!schema) throw new Error(`apps/${app} declares no ${variable}`);
  return schema.parse(undefined);
}
