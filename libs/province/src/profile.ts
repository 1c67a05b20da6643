import { z } from 'zod';

/**
 * A province's profile: everything that differs from one province to the next (its name, its People's Committee,
 * the bodies that issue the invitation letters, the letter's signature, the mail sender, the public address, its own
 * days off). One JSON file per province under `provinces/`, validated when a service starts; no province is written
 * into the code. README, "Configuration", tells how to add one.
 */
const text = z.string().trim().min(1, 'expected a non-empty text');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((date) => {
    const day = new Date(`${date}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
  }, 'expected a date that exists');

/** `Name <address@domain>` or a bare address, as nodemailer takes a sender. */
const MAIL_ADDRESS = /^(?:[^<>]+<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/** A Kubernetes namespace: a DNS label. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export const provinceProfileSchema = z.strictObject({
  /** The profile's name, as PROVINCE_PROFILE and the file name say it: `khanh-hoa`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case letters and digits joined by hyphens'),
  /** "Khánh Hòa". */
  name: text,
  /** A province (tỉnh) or a centrally-run city (thành phố): "Ủy ban nhân dân tỉnh …", "… của thành phố". */
  unit: z.enum(['tỉnh', 'thành phố']),
  /** The place name of the letters' date line: "Khánh Hòa, ngày … tháng … năm …". */
  letterPlace: text,
  peoplesCommittee: z.strictObject({
    /** "Ủy ban nhân dân tỉnh Khánh Hòa". */
    name: text,
    /** The governing body above the issuing body in a letter's header: "UBND TỈNH KHÁNH HÒA". */
    letterHeader: text,
  }),
  /**
   * The bodies that issue invitation letters, each with the code of its letters' numbers ("05/GM-SVHTTDL") and,
   * where they differ from the province's, the line above its name in the header and its signature block. A letter
   * is issued by the body whose name the issuer the call named (the co-host) begins with, else the organising
   * agency's, else by the first: a body the profile does not describe has no letterhead or signer to print.
   */
  issuingBodies: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/, 'expected capitals and digits, e.g. SVHTTDL'),
        name: text,
        letterHeader: text.optional(),
        signer: z.strictObject({ position: text, name: text }).optional(),
      }),
    )
    .min(1, 'expected at least one issuing body'),
  /** The signature block under the letter; `position` may hold lines separated by "\n" ("KT. GIÁM ĐỐC\n…"). */
  signer: z.strictObject({ position: text, name: text }),
  /** Sender of all mail: `Name <address>`. */
  mailFrom: text.regex(MAIL_ADDRESS, 'expected an address, or a name and <address>'),
  /** Where the province publishes the system (the Ingress host, the links in mail, the calendar's UIDs). */
  publicBaseUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  /** The province's own web portal (the API documents' licence link). */
  website: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  english: z.strictObject({
    /** "Khánh Hòa Province": English mail. */
    name: text,
    /** "Khánh Hòa Provincial People's Committee": the API documents' title. */
    peoplesCommittee: text,
  }),
  /** Days off of this province beyond the national holidays, added to EXTRA_DAYS_OFF: dates or { date, name }. */
  extraDaysOff: z
    .array(
      z.union([isoDate, z.strictObject({ date: isoDate, name: text })], {
        error: 'expected a date YYYY-MM-DD, or { "date": "YYYY-MM-DD", "name": "…" }',
      }),
    )
    .default([]),
  /** The demo directory `npm start` seeds (POST /agencies bodies), relative to the profile's folder. */
  demoDirectory: text.optional(),
  /** Its own deployment (k8s/overlays/<id>, `npm run k8s:province -- <id>`). */
  deployment: z.strictObject({ namespace: z.string().regex(DNS_LABEL, 'expected a DNS label').optional() }).default({}),
});

export type ProvinceProfile = z.output<typeof provinceProfileSchema>;
export type IssuingBody = ProvinceProfile['issuingBodies'][number];

/** "tỉnh Khánh Hòa", "thành phố Huế": how texts name the province. */
export function provinceTitle(profile: ProvinceProfile): string {
  return `${profile.unit} ${profile.name}`;
}

/** The host of the public address: the Ingress host, and the right-hand side of calendar UIDs. */
export function publicHostOf(profile: ProvinceProfile): string {
  return new URL(profile.publicBaseUrl).hostname;
}

/** The namespace of the province's deployment: `pressconf-<id>` unless the profile names one. */
export function namespaceOf(profile: ProvinceProfile): string {
  return profile.deployment.namespace ?? `pressconf-${profile.id}`;
}

/** Lower case without diacritics (đ → d), spaces collapsed: names compare however they were typed. */
function folded(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The issuing body whose name the organising agency's name begins with, if the profile lists one. */
export function matchingIssuer(profile: ProvinceProfile, organizerName: string): IssuingBody | undefined {
  const organizer = folded(organizerName);
  return profile.issuingBodies.find((body) => {
    const name = folded(body.name);
    return organizer === name || organizer.startsWith(`${name} `);
  });
}

/**
 * The body that issues a letter of this organising agency: the one whose name the agency's name begins with
 * ("Sở Văn hóa, Thể thao và Du lịch" for "Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa"), else the first.
 */
export function issuerOf(profile: ProvinceProfile, organizerName?: string): IssuingBody {
  return (organizerName && matchingIssuer(profile, organizerName)) || profile.issuingBodies[0];
}
