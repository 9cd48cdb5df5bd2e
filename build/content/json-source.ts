// Reads a JSON file and keeps where each value sits, so validation can name the line.
import { parseTree, getNodeValue, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Problems } from './problems.js';

export type JsonPath = (string | number)[];

export interface JsonSource {
  file: string;
  value: unknown;
  /** Line (1-based) of the value at `path`, or of its nearest existing parent. */
  lineOf(path: JsonPath): number;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function readJson(file: string, text: string, problems: Problems): JsonSource | null {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    let offset = first?.offset ?? 0;
    // A missing comma is noticed at the next token; point at the end of the value before it.
    if (first && printParseErrorCode(first.error) === 'CommaExpected') {
      offset--;
      while (offset > 0 && /\s/.test(text[offset])) offset--;
    }
    const where = first ? lineAt(text, offset) : 1;
    const what = first ? printParseErrorCode(first.error) : 'EmptyFile';
    problems.add(file, where, `invalid JSON (${what}); check for a missing comma, quote or bracket here`);
    return null;
  }
  return {
    file,
    value: getNodeValue(root),
    lineOf(path: JsonPath): number {
      for (let n = path.length; n >= 0; n--) {
        const node: Node | undefined = findNodeAtLocation(root, path.slice(0, n));
        if (node) {
          // For a property value, point at the property's key line.
          const at = node.parent?.type === 'property' ? node.parent : node;
          return lineAt(text, at.offset);
        }
      }
      return 1;
    },
  };
}
