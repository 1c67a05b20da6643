/** RFC 9457 problem details, as returned by the REST API and passed back from services over Kafka. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://pressconf.daklak.gov.vn/problems/';

const TITLES: Record<number, [string, string]> = {
  400: ['validation-error', 'Your request is not valid'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Not allowed'],
  404: ['not-found', 'Not found'],
  409: ['conflict', 'Conflict with the current state'],
  410: ['gone', 'No longer available'],
  413: ['payload-too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['domain-rule-violated', 'A domain rule refused the request'],
  429: ['rate-limited', 'Too many requests'],
  431: ['request-too-large', 'Request line or headers too large'],
  500: ['internal-error', 'Internal error'],
  502: ['bad-gateway', 'A service failed'],
  503: ['service-unavailable', 'Service unavailable'],
  504: ['service-timeout', 'A service did not answer in time'],
};

export function problem(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  return { type: `${PROBLEM_TYPE_BASE}${slug}`, title, status, ...(detail ? { detail } : {}), ...extra };
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).type === 'string'
  );
}
