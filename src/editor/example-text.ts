// What an example says about itself in its leading `// …` comment: which lesson it is and what it
// teaches. Pure, so the quick pick's wording and order are unit-tested against the real examples.

/**
 * The `// …` lines an example starts with, as one paragraph: `Lesson 3 (theory §3-4): a multilayer
 * perceptron. Eight tanh units …` gives the lesson label and what it teaches.
 */
export function describeExample(text: string): { lesson?: string; description?: string; order: [number, string] } {
  const comment: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*\/\/\s?(.*)$/.exec(line);
    if (!match) break;
    comment.push(match[1].trim());
  }
  const paragraph = comment.join(' ').trim();
  const heading = /^Lesson (\d+)([a-z]?)\b[^:]*:\s*/.exec(paragraph);
  const body = heading ? paragraph.slice(heading[0].length) : paragraph;
  const sentence = /^(.+?[.!?])(\s|$)/.exec(body)?.[1] ?? body;
  return {
    lesson: heading ? `Lesson ${heading[1]}${heading[2]}` : undefined,
    description: sentence ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : undefined,
    order: heading ? [Number(heading[1]), heading[2]] : [Number.MAX_SAFE_INTEGER, ''],
  };
}
