// What an example says about itself in its leading `// …` comment: which lesson it is and what it
// teaches. Pure, so the quick pick's wording and order are unit-tested against the real examples.

/** A character of Chinese text or Chinese punctuation: such lines join without a space. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** `Lesson 3 (…): ` in an English lesson, `第 3 课：` in a Chinese one. */
const HEADINGS: { pattern: RegExp; label: (number: string, letter: string) => string }[] = [
  { pattern: /^Lesson (\d+)([a-z]?)\b[^:]*:\s*/, label: (number, letter) => `Lesson ${number}${letter}` },
  { pattern: /^第 ?(\d+)([a-z]?) ?课[^：:]*[：:]\s*/, label: (number, letter) => `第 ${number}${letter} 课` },
];

/**
 * The `// …` lines an example starts with, as one paragraph: `Lesson 4: a multilayer
 * perceptron. Eight tanh units …` (or `第 4 课：多层感知机。…`) gives the lesson label and what it
 * teaches.
 */
export function describeExample(text: string): { lesson?: string; description?: string; order: [number, string] } {
  let paragraph = '';
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*\/\/\s?(.*)$/.exec(line);
    if (!match) break;
    const part = match[1].trim();
    if (part === '') continue;
    const glued = paragraph === '' || CJK.test(paragraph.charAt(paragraph.length - 1)) || CJK.test(part.charAt(0));
    paragraph += glued ? part : ` ${part}`;
  }
  for (const heading of HEADINGS) {
    const found = heading.pattern.exec(paragraph);
    if (!found) continue;
    return { lesson: heading.label(found[1], found[2]), description: firstSentence(paragraph.slice(found[0].length)), order: [Number(found[1]), found[2]] };
  }
  return { lesson: undefined, description: firstSentence(paragraph), order: [Number.MAX_SAFE_INTEGER, ''] };
}

/** The first sentence, ended by `.`, `!` or `?` before a space (or the end), or by `。！？`. */
function firstSentence(body: string): string | undefined {
  const sentence = /^(.+?(?:[.!?](?=\s|$)|[。！？]))/.exec(body)?.[1] ?? body;
  return sentence ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : undefined;
}
