// User text quoted in a message (an unknown field's name, a value of the wrong type, the part of
// a file a parser stopped at): escaped, so that control characters, invisible direction marks
// and lone surrogates cannot garble a terminal or hide in the app, and shortened, so that a
// megabyte-long value gives a one-line message.

const LONGEST_QUOTE = 60;

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates,
// zero-width characters and the byte-order mark.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udfff]/gu;

function escapeCharacter(character: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return named[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The text with unsafe characters written as escapes, e.g. `\u0007`; well-formed, printable. */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

/** The text escaped and cut to a readable length, with how much was left out. */
export function shortText(text: string, longest = LONGEST_QUOTE): string {
  return escapeText(text.length > longest ? `${text.slice(0, longest)}… (${text.length} characters)` : text);
}

/** A user's text in single quotes for a message: 'glasses', 'a\u0007b', 'xxxx… (1000000 characters)'. */
export function quoteText(text: string): string {
  return `'${shortText(text)}'`;
}
