import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { provinceTitle, type ProvinceProfile } from '@pressconf/province';
import { gatewayConfig } from '../config';
import { PAGE_ROOT } from './page-model';
import { DEFAULT_PAGE_LOCALE, PageLocale, pageTexts, phrase } from './page-messages';

export type PageTemplate = 'invitation' | 'error';
const TEMPLATES: PageTemplate[] = ['invitation', 'error'];

/** The static files, by the name templates use (`{{assets.css}}`). */
const ASSETS = { css: 'invitation.css', js: 'invitation.js', icon: 'icon.svg' } as const;

const MEDIA_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** How the page names the province it serves (`@root.province` in the templates), in the page's language. */
export interface PageProvince {
  /** "tỉnh Khánh Hòa" · "Khánh Hòa Province". */
  title: string;
  /** "Ủy ban nhân dân tỉnh Khánh Hòa" · "Khánh Hòa Provincial People’s Committee". */
  peoplesCommittee: string;
  /** "tỉnh" or "thành phố" · "province" or "city". */
  unit: string;
}

export function pageProvince(profile: ProvinceProfile, locale: PageLocale = DEFAULT_PAGE_LOCALE): PageProvince {
  const unit = pageTexts(locale).unit(profile.unit);
  return locale === 'en'
    ? { title: profile.english.name, peoplesCommittee: profile.english.peoplesCommittee, unit }
    : { title: provinceTitle(profile), peoplesCommittee: profile.peoplesCommittee.name, unit };
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
  private readonly provinces: Record<PageLocale, PageProvince> = {
    vi: pageProvince(gatewayConfig().PROVINCE_PROFILE, 'vi'),
    en: pageProvince(gatewayConfig().PROVINCE_PROFILE, 'en'),
  };

  constructor() {
    const dir = filesDir();
    const handlebars = Handlebars.create();
    const compile = (file: string): Handlebars.TemplateDelegate => {
      const source = readFileSync(join(dir, 'templates', file), 'utf8');
      // compile() is lazy: parsing here reports a syntax error at start, naming the file.
      handlebars.parse(source);
      return handlebars.compile(source, { strict: false });
    };
    // {{t "key" name=value}}: the phrase in the page's language (`locale` of the model), its values escaped as any.
    handlebars.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
      phrase(
        (options.data as { root?: { locale?: string } }).root?.locale,
        key,
        options.hash as Record<string, string | number | undefined>,
      ),
    );
    handlebars.registerPartial('layout', compile('layout.hbs'));
    for (const name of TEMPLATES) this.templates.set(name, compile(`${name}.hbs`));

    for (const [name, file] of Object.entries(ASSETS)) {
      const body = readFileSync(join(dir, 'public', file));
      this.assets.set(file, { body, mediaType: MEDIA_TYPES[extname(file)] });
      const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
      this.assetUrls[name] = `${PAGE_ROOT}/assets/${file}?v=${version}`;
    }
  }

  /** The model's `locale` (the invitee's, else Vietnamese) chooses the words and how the province is named. */
  render(template: PageTemplate, model: { locale?: PageLocale }): string {
    const compiled = this.templates.get(template);
    if (!compiled) throw new Error(`Unknown page template "${template}"`);
    const locale = model.locale ?? DEFAULT_PAGE_LOCALE;
    return compiled({ ...model, locale, assets: this.assetUrls, province: this.provinces[locale] });
  }

  asset(file: string): PageAsset | undefined {
    return this.assets.get(file);
  }
}
