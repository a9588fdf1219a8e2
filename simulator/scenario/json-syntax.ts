// What is wrong with text that JSON.parse refused, without quoting the text: V8's messages
// quote the start of the input ("Unexpected token 'r', "root:*:202"... is not valid JSON"), and
// a file that is not JSON at all may be anything, a password file included. Grammar
// characters (',' or '}') stay; the input's own bytes never do.

export interface JsonSyntaxProblem {
  problem: string;
  /** 1-based, where V8 said at which character it stopped. */
  line?: number;
  column?: number;
}

const AT_POSITION = /\s+in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;

export function jsonSyntaxProblem(error: unknown, text: string): JsonSyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = AT_POSITION.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1])).split('\n');
    return {
      problem: lowerFirst(message.slice(0, at.index)),
      line: before.length,
      column: before[before.length - 1].length + 1,
    };
  }
  if (message === 'Unexpected end of JSON input') return { problem: 'it ends in the middle of a value' };
  if (message.startsWith('Unexpected token')) return { problem: 'unexpected character' };
  return { problem: 'not JSON' };
}

/** `unexpected character (line 3, column 7)`, or the problem alone where the place is unknown. */
export function describeJsonSyntaxProblem({ problem, line, column }: JsonSyntaxProblem): string {
  return line === undefined ? problem : `${problem} (line ${line}, column ${column})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
