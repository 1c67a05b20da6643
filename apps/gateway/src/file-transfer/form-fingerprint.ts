import { createHash, Hash } from 'node:crypto';

/**
 * What tells one multipart upload from another, for `Idempotency-Key`: its text fields (in any order), the file's
 * name and the SHA-256 of its bytes, taken chunk by chunk as the file passes, so that nothing is held for it. The
 * boundary, the order of the parts and how they were split are left out: the same form sent again matches.
 */
export class FormFingerprint {
  private readonly fields = new Map<string, string>();
  private fileName: string | undefined;
  private readonly bytes: Hash = createHash('sha256');

  field(name: string, value: string): void {
    this.fields.set(name, value);
  }

  file(name: string): void {
    this.fileName = name;
  }

  chunk(chunk: Buffer): void {
    this.bytes.update(chunk);
  }

  /** Once the form has ended. */
  digest(): string {
    const form = {
      fields: [...this.fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      file: this.fileName === undefined ? null : { name: this.fileName, sha256: this.bytes.digest('hex') },
    };
    return createHash('sha256').update(JSON.stringify(form)).digest('hex');
  }
}
