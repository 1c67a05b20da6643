import { FormFingerprint } from './form-fingerprint';

function fingerprint(parts: Array<['field', string, string] | ['file', string, ...string[]]>): string {
  const print = new FormFingerprint();
  for (const [kind, name, ...rest] of parts) {
    if (kind === 'field') print.field(name, rest[0]);
    else {
      print.file(name);
      rest.forEach((chunk) => print.chunk(Buffer.from(chunk)));
    }
  }
  return print.digest();
}

describe('the fingerprint of a multipart upload', () => {
  const form = fingerprint([
    ['field', 'title', 'Định hướng tuyên truyền'],
    ['field', 'summary', 'Tóm tắt'],
    ['file', 'dinh-huong.pdf', '%PDF-1.7 ', 'nội dung'],
  ]);

  it('is the same for the same form, whatever the order of its fields and the chunks of its file', () => {
    expect(
      fingerprint([
        ['field', 'summary', 'Tóm tắt'],
        ['file', 'dinh-huong.pdf', '%PDF-1.7 nội', ' dung'],
        ['field', 'title', 'Định hướng tuyên truyền'],
      ]),
    ).toBe(form);
  });

  it('differs with another byte of the file, another file name or another field value', () => {
    const others = [
      fingerprint([
        ['field', 'title', 'Định hướng tuyên truyền'],
        ['field', 'summary', 'Tóm tắt'],
        ['file', 'dinh-huong.pdf', '%PDF-1.7 nội dunG'],
      ]),
      fingerprint([
        ['field', 'title', 'Định hướng tuyên truyền'],
        ['field', 'summary', 'Tóm tắt'],
        ['file', 'khac.pdf', '%PDF-1.7 nội dung'],
      ]),
      fingerprint([
        ['field', 'title', 'Định hướng tuyên truyền'],
        ['field', 'summary', 'Tóm tắt khác'],
        ['file', 'dinh-huong.pdf', '%PDF-1.7 nội dung'],
      ]),
      fingerprint([
        ['field', 'title', 'Định hướng tuyên truyền'],
        ['field', 'summary', 'Tóm tắt'],
      ]),
    ];
    expect(new Set([form, ...others]).size).toBe(5);
  });
});
