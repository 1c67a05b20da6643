import { IsArray, IsString } from 'class-validator';
import { ValidationFailedError } from './errors';
import { unstorableStrings, validateInto } from './validate';

class Note {
  @IsString()
  title: string;

  @IsArray()
  @IsString({ each: true })
  topics: string[];
}

describe('validateInto and text no column can keep', () => {
  it('refuses U+0000 and unpaired surrogates anywhere in the input, naming the field', async () => {
    const refused = await validateInto(Note, { title: 'Đắk\u0000Lắk', topics: ['đất đai', 'x\uD800'] }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ValidationFailedError);
    expect((refused as ValidationFailedError).errors).toEqual([
      { field: 'title', message: 'must not contain U+0000 or an unpaired surrogate' },
      { field: 'topics[1]', message: 'must not contain U+0000 or an unpaired surrogate' },
    ]);
  });

  it('keeps Vietnamese in both normal forms, emoji and other astral characters', async () => {
    const note = await validateInto(Note, {
      title: 'Buôn Ma Thuột'.normalize('NFD'),
      topics: ['Hội nghị 🏛️👩🏽‍⚖️🇻🇳', '\uD83D\uDE00'],
    });
    expect(note.topics).toHaveLength(2);
    expect(unstorableStrings({ a: [{ b: 'ok' }], c: 'x\uDC00' })).toEqual([
      { field: 'c', message: 'must not contain U+0000 or an unpaired surrogate' },
    ]);
  });
});
