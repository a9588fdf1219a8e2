// The text to save for an edited scenario: the file's own text with the least change that
// gives it the edited value (see yaml-splice.ts). Whatever way the text is made, it is read
// back and must equal the value, else the next, safer way is taken; that check is what makes
// saving safe. Pure: the app, the host and the CLI all use it.
import type { Document } from 'yaml';
import { readYaml } from '../scenario/yaml-reading';
import { jsonText } from './json-text';
import { sameValue, storableValue } from './same-value';
import { replaceDocumentContents, updateThroughDocument } from './yaml-document-update';
import { spliceYaml } from './yaml-splice';

// Read by the same policy as every reader of a scenario file, so a saved text reads back
// wherever it is opened.
function parsed(text: string): { document: Document; value: unknown } | undefined {
  const read = readYaml(text);
  return read.ok ? { document: read.document, value: read.value } : undefined;
}

/** The value a text holds, as a reader of the saved file gets it; undefined when it does not parse. */
export function readValue(text: string): { value: unknown } | undefined {
  const read = parsed(text);
  return read && { value: read.value };
}

export function isJsonText(text: string): boolean {
  return text.trimStart().startsWith('{');
}

/** The text of `original` (YAML or JSON) changed to hold `value`, changing as little as it can. */
export function updateScenarioText(original: string, value: unknown): string {
  const next = storableValue(value);
  const current = parsed(original);
  if (current && sameValue(current.value, next)) return original;
  const attempts = isJsonText(original)
    ? [() => jsonText(original, next)]
    : [
        () => current && spliceYaml(original, current.document, current.value, next),
        () => updateThroughDocument(original, next),
        () => replaceDocumentContents(original, next),
      ];
  for (const attempt of attempts) {
    const text = attempt();
    const written = text === undefined ? undefined : readValue(text);
    if (text !== undefined && written && sameValue(written.value, next)) return text;
  }
  throw new Error('the edited scenario cannot be written as YAML or JSON that reads back the same');
}
