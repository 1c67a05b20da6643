/** `npm run config:docs`: writes the README's configuration table from the apps' configuration schemas. */
import { README, writeConfigDocs } from './config-docs';

console.log(writeConfigDocs() ? `${README}: configuration table updated` : `${README}: configuration table up to date`);
