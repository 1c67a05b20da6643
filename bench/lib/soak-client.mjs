// The soak's REST client: every answer is counted by action and status, and every 5xx (or a connection the gateway
// refused) is kept with its moment, to be judged against the fault windows at the end.

export class SoakClient {
  /** action → status → count (0: no answer) */
  counts = new Map();
  /** @type {Array<{ at: number, action: string, status: number, detail: string }>} */
  serverErrors = [];

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * @param {string} action what the call is for, e.g. `call conference`
   * @param {{ key: string, body?: unknown, form?: FormData, headers?: Record<string, string>, timeoutMs?: number }} options
   */
  async call(action, method, path, { key, body, form, headers = {}, timeoutMs = 30_000 }) {
    let status = 0;
    let parsed;
    let text;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(key ? { 'X-API-Key': key } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      text = await response.text();
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
    } catch (error) {
      text = String(error?.cause?.code ?? error?.name ?? error);
    }
    this.#count(action, status);
    if (status === 0 || status >= 500) {
      this.serverErrors.push({ at: Date.now(), action, status, detail: `${method} ${path}: ${text.slice(0, 200)}` });
    }
    return { status, body: parsed, ok: status >= 200 && status < 300 };
  }

  #count(action, status) {
    const byStatus = this.counts.get(action) ?? new Map();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.counts.set(action, byStatus);
  }

  /** `{ action: { ok, refused, failed, total } }` for the report. */
  summary() {
    const out = {};
    for (const [action, byStatus] of [...this.counts].sort()) {
      const row = { ok: 0, refused: 0, failed: 0, total: 0, statuses: Object.fromEntries(byStatus) };
      for (const [status, n] of byStatus) {
        row.total += n;
        if (status >= 200 && status < 300) row.ok += n;
        else if (status >= 400 && status < 500) row.refused += n;
        else row.failed += n;
      }
      out[action] = row;
    }
    return out;
  }
}
