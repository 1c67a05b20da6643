import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { provinceTitle, type ProvinceProfile } from '@pressconf/province';
import { gatewayConfig } from '../config';
import { PAGE_ROOT } from './page-model';

export type PageTemplate = 'invitation' | 'error';
const TEMPLATES: PageTemplate[] = ['invitation', 'error'];

/** The static files, by the name templates use (`{{assets.css}}`). */
const ASSETS = { css: 'invitation.css', js: 'invitation.js', icon: 'icon.svg' } as const;

const MEDIA_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** How the page names the province it serves (`@root.province` in the templates). */
export interface PageProvince {
  /** "tỉnh Khánh Hòa". */
  title: string;
  /** "Ủy ban nhân dân tỉnh Khánh Hòa". */
  peoplesCommittee: string;
  /** "tỉnh" or "thành phố". */
  unit: string;
}

export function pageProvince(profile: ProvinceProfile): PageProvince {
  return { title: provinceTitle(profile), peoplesCommittee: profile.peoplesCommittee.name, unit: profile.unit };
}

export interface PageAsset {
  body: Buffer;
  mediaType: string;
}

/**
 * The folder of templates/ and public/: this file's own folder when run from source (tests), the copy the build puts
 * beside main.js otherwise.
 */
function filesDir(): string {
  return existsSync(join(__dirname, 'templates')) ? __dirname : join(__dirname, 'invitee-page');
}

/**
 * The invitee page's Handlebars templates and its static files (stylesheet, script, icon), read and compiled once
 * at start so that a missing or broken file stops the gateway rather than the first invitee. Templates escape every
 * value (`{{…}}` only): invitations carry free text typed by coordinators and agencies.
 */
@Injectable()
export class PageFiles {
  private readonly templates = new Map<PageTemplate, Handlebars.TemplateDelegate>();
  private readonly assets = new Map<string, PageAsset>();
  /** Asset URLs with a content hash, so that browsers may keep them for good and still get a changed file. */
  private readonly assetUrls: Record<string, string> = {};
  private readonly province = pageProvince(gatewayConfig().PROVINCE_PROFILE);

  constructor() {
    const dir = filesDir();
    const handlebars = Handlebars.create();
    const compile = (file: string): Handlebars.TemplateDelegate => {
      const source = readFileSync(join(dir, 'templates', file), 'utf8');
      // compile() is lazy: parsing here reports a syntax error at start, naming the file.
      handlebars.parse(source);
      return handlebars.compile(source, { strict: false });
    };
    handlebars.registerPartial('layout', compile('layout.hbs'));
    for (const name of TEMPLATES) this.templates.set(name, compile(`${name}.hbs`));

    for (const [name, file] of Object.entries(ASSETS)) {
      const body = readFileSync(join(dir, 'public', file));
      this.assets.set(file, { body, mediaType: MEDIA_TYPES[extname(file)] });
      const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
      this.assetUrls[name] = `${PAGE_ROOT}/assets/${file}?v=${version}`;
    }
  }

  render(template: PageTemplate, model: object): string {
    const compiled = this.templates.get(template);
    if (!compiled) throw new Error(`Unknown page template "${template}"`);
    return compiled({ ...model, assets: this.assetUrls, province: this.province });
  }

  asset(file: string): PageAsset | undefined {
    return this.assets.get(file);
  }
}
