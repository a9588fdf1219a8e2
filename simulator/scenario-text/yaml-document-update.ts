// The yaml Document API way to give a file a new value, for what the splicer cannot edit in
// place: nodes that stay keep their comments and style, changed ones are new nodes carrying
// the old one's comments. The file is re-serialised by the yaml package, so spacing can change.
import { type Document, isMap, isNode, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { READING_LIMITS } from '../scenario/yaml-reading';
import { isPlainObject, sameValue } from './same-value';
import { matchItems } from './sequence-match';

function plain(document: Document, node: unknown): unknown {
  return isNode(node) ? node.toJS(document, { maxAliasCount: READING_LIMITS.aliases }) : node;
}

function withComments(created: Node, old: unknown): Node {
  if (isNode(old)) {
    created.comment = old.comment;
    created.commentBefore = old.commentBefore;
    created.spaceBefore = old.spaceBefore;
  }
  return created;
}

function updated(document: Document, node: unknown, next: unknown): Node {
  if (isNode(node) && sameValue(plain(document, node), next)) return node;
  if (isMap(node) && isPlainObject(next)) {
    for (const pair of [...node.items]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !Object.hasOwn(next, key)) node.delete(pair.key);
    }
    for (const [key, value] of Object.entries(next)) node.set(key, updated(document, node.get(key, true), value));
    return node;
  }
  if (isSeq(node) && Array.isArray(next)) {
    const old = node.items.map((item) => plain(document, item));
    const sources = new Map(matchItems(old, next).map((match) => [match.next, node.items[match.old]]));
    node.items = next.map((value, index) => updated(document, sources.get(index), value));
    return node;
  }
  return withComments(document.createNode(next), node);
}

/** The file's text for `next` through the yaml Document API (the fallback of the splicer). */
export function updateThroughDocument(text: string, next: unknown): string {
  const document: Document = parseDocument(text);
  document.contents = updated(document, document.contents, next);
  return document.toString({ lineWidth: 0 });
}

/** The last resort: the whole value as a new node; only the comments around the document stay. */
export function replaceDocumentContents(text: string, next: unknown): string {
  const document: Document = parseDocument(text);
  document.contents = withComments(document.createNode(next), document.contents);
  return document.toString({ lineWidth: 0 });
}
