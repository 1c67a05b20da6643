import { existsSync, readdirSync, readFileSync } from 'fs';
import { basename, join, resolve } from 'path';
import Handlebars from 'handlebars';
import type { ConferenceKind } from '@pressconf/contracts';
import {
  DISPLAY_ZONE,
  LOCALES,
  Locale,
  formatDateTime,
  formatTimeRange,
  type Instant,
  kindLabel,
  resolveLocale,
  zoneLabel,
} from './format';
import { MAIL_TEMPLATE_NAMES, MailModels, MailTemplateName } from './mail-models';
import { notificationsConfig } from '../config';
import { provinceSettings } from '../province-settings';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** How mail names the province (`@province` in every template): "tỉnh Khánh Hòa", "Khánh Hòa Province", "tỉnh". */
export interface MailProvince {
  vi: string;
  en: string;
  unit: string;
}

export interface MailTemplatesOptions {
  /** Zone to show times in when the model names none. */
  zone?: string;
  /** The province the mail speaks for; by default the configured profile's. */
  province?: MailProvince;
}

type Flavour = 'html' | 'text';
const PARTS = ['subject', 'html', 'text'] as const;
type Compiled = Record<(typeof PARTS)[number], Handlebars.TemplateDelegate>;

/**
 * NOTIFICATIONS_TEMPLATES_DIR, else the folder the build copies next to main.js, else the source folder
 * (tests and ts-node run from the workspace root).
 */
export function defaultTemplatesDir(
  configured: string | undefined = notificationsConfig().NOTIFICATIONS_TEMPLATES_DIR,
): string {
  if (configured) return configured;
  const besideBundle = join(__dirname, 'templates');
  return existsSync(besideBundle) ? besideBundle : resolve(process.cwd(), 'apps/notifications/src/templates');
}

/**
 * Mail bodies from Handlebars files laid out as `<dir>/<locale>/<name>.{subject,html,text}.hbs`, with
 * partials in `<dir>/partials/*.html.hbs` (shared by all locales: the HTML layout) and
 * `<dir>/<locale>/partials/*.{html,text}.hbs`. Everything is compiled up front so that a missing or
 * broken template stops the service at start rather than at the first mail.
 */
export class MailTemplates {
  private readonly zone: string;
  private readonly province: MailProvince;
  private readonly templates = new Map<Locale, Map<MailTemplateName, Compiled>>();

  constructor(
    readonly dir: string = defaultTemplatesDir(),
    options: MailTemplatesOptions = {},
  ) {
    this.zone = options.zone ?? DISPLAY_ZONE;
    this.province = options.province ?? provinceSettings(notificationsConfig()).names;
    for (const locale of LOCALES) this.templates.set(locale, this.load(locale));
  }

  /** `locale` is a free-form preference; anything other than English gets Vietnamese. */
  render<N extends MailTemplateName>(name: N, locale: string | undefined, model: MailModels[N]): RenderedMail {
    const resolved = resolveLocale(locale);
    const compiled = this.templates.get(resolved)?.get(name);
    if (!compiled) throw new Error(`Unknown mail template "${name}"`);
    const data = { locale: resolved, zone: model.zone ?? this.zone, province: this.province };
    // One line: a newline in the data must not reach the Subject header.
    const subject = compiled.subject(model, { data }).replace(/\s+/g, ' ').trim();
    return {
      subject,
      html: compiled.html(model, { data: { ...data, subject } }),
      // Conditionals leave blank lines behind; keep at most one between paragraphs.
      text: `${compiled
        .text(model, { data })
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()}\n`,
    };
  }

  private load(locale: Locale): Map<MailTemplateName, Compiled> {
    const localeDir = join(this.dir, locale);
    const envs: Record<Flavour, typeof Handlebars> = { html: Handlebars.create(), text: Handlebars.create() };
    for (const flavour of ['html', 'text'] as const) {
      const env = envs[flavour];
      registerHelpers(env, locale);
      for (const partialsDir of [join(this.dir, 'partials'), join(localeDir, 'partials')]) {
        for (const file of listFlavour(partialsDir, flavour)) {
          env.registerPartial(basename(file, `.${flavour}.hbs`), compileFile(env, flavour, file));
        }
      }
    }

    const path = (name: MailTemplateName, part: keyof Compiled): string => join(localeDir, `${name}.${part}.hbs`);
    const missing = MAIL_TEMPLATE_NAMES.flatMap((name) => PARTS.map((part) => path(name, part))).filter(
      (file) => !existsSync(file),
    );
    if (missing.length) throw new Error(`Missing mail templates: ${missing.join(', ')}`);

    return new Map(
      MAIL_TEMPLATE_NAMES.map((name): [MailTemplateName, Compiled] => [
        name,
        {
          subject: compileFile(envs.text, 'text', path(name, 'subject')),
          html: compileFile(envs.html, 'html', path(name, 'html')),
          text: compileFile(envs.text, 'text', path(name, 'text')),
        },
      ]),
    );
  }
}

function listFlavour(dir: string, flavour: Flavour): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(`.${flavour}.hbs`))
    .map((file) => join(dir, file));
}

function compileFile(env: typeof Handlebars, flavour: Flavour, path: string): Handlebars.TemplateDelegate {
  const source = readFileSync(path, 'utf8');
  try {
    // Handlebars.compile is lazy; parsing here reports a syntax error at start, with the file's name.
    env.parse(source);
  } catch (error) {
    throw new Error(`Mail template ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  // Plain text and subjects are not HTML: escaping them would show "&amp;" to the reader.
  return env.compile(source, { noEscape: flavour === 'text' });
}

/** Helpers read the zone from the render's data, so one compiled set serves every zone. */
function registerHelpers(env: typeof Handlebars, locale: Locale): void {
  // Handlebars types the render's data as `any`; the renderer puts the zone there.
  const zoneOf = (options: Handlebars.HelperOptions): string =>
    (options.data as { zone?: string } | undefined)?.zone ?? DISPLAY_ZONE;
  env.registerHelper('formatTime', (value: Instant, options: Handlebars.HelperOptions) =>
    formatDateTime(value, locale, zoneOf(options)),
  );
  env.registerHelper('formatRange', (start: Instant, end: Instant, options: Handlebars.HelperOptions) =>
    formatTimeRange(start, end, locale, zoneOf(options)),
  );
  env.registerHelper('zoneLabel', (options: Handlebars.HelperOptions) => zoneLabel(zoneOf(options), locale));
  env.registerHelper('kindLabel', (kind: ConferenceKind) => kindLabel(kind, locale));
  env.registerHelper('join', (items: unknown, separator: unknown) =>
    Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ', ') : '',
  );
  env.registerHelper('eq', (a, b) => a === b);
}
