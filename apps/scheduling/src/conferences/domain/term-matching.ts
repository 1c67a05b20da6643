/** How the registry's fields and territories are matched with a conference's topics: words, not spelling. */

/** Administrative units (normalised) that prefix a territory's name. */
const ADMINISTRATIVE_LEVELS = ['thanh pho', 'thi xa', 'thi tran', 'tinh', 'huyen', 'quan', 'xa', 'phuong'].map(
  (level) => level.split(' '),
);

/** Why fields match topics, e.g. `field "đất đai" matches topic "Tranh chấp đất đai"`. */
export function fieldReasons(fields: string[], topics: string[], label: string): string[] {
  return fields.flatMap((field) => subjectReasons('field', field, words(field), topics, label));
}

/** Why one field or territory (as `subject` words) matches topics, one reason per matching topic. */
export function subjectReasons(
  kind: string,
  text: string,
  subject: string[],
  topics: string[],
  label: string,
): string[] {
  return topics
    .filter((topic) => wordsMatch(subject, words(topic)))
    .map((topic) => `${kind} "${text}" matches ${label} "${topic}"`);
}

/** Lower case, without diacritics (đ → d), trimmed: "Đắk Lắk" → "dak lak". */
export function normalizeTerm(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/\s+/g, ' ').trim();
}

/** Equal after normalising, or one contains the other as whole words ("đất đai" and "tranh chấp đất đai"). */
export function termsMatch(a: string, b: string): boolean {
  return wordsMatch(words(a), words(b));
}

function wordsMatch(left: string[], right: string[]): boolean {
  return left.length > 0 && right.length > 0 && (containsWords(left, right) || containsWords(right, left));
}

export function words(text: string): string[] {
  return normalizeTerm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * A territory without its administrative level, so that "Xã Ea Kênh" matches a topic that names "Ea Kênh" without
 * saying "xã".
 */
export function placeName(territory: string): string[] {
  const name = words(territory);
  const level = ADMINISTRATIVE_LEVELS.find((prefix) => prefix.every((word, index) => name[index] === word));
  return level && name.length > level.length ? name.slice(level.length) : name;
}

export function containsWords(haystack: string[], needle: string[]): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}
