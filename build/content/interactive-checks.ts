// Validates one module's interactive.json: each component's type and the lists it needs.
import { isObj, type JsonChecker } from './json-checks.js';
import { INTERACTIVE_TYPES, isInteractiveType } from '../../src/content/interactive-types.js';

export function checkInteractive(c: JsonChecker): string[] {
  const root = c.src.value;
  if (!isObj(root)) {
    c.report([], 'interactive.json must be an object keyed by component id');
    return [];
  }
  for (const [id, comp] of Object.entries(root)) {
    if (!isObj(comp) || !isInteractiveType(comp.type)) {
      c.report([id], `component "${id}" needs a "type": one of ${Object.keys(INTERACTIVE_TYPES).join(', ')}`);
      continue;
    }
    c.localised(comp, 'title', [id]);
    for (const list of INTERACTIVE_TYPES[comp.type].lists) {
      const entries = c.array(comp, list.key, [id], 2);
      c.uniqueIds(entries, [id], list.key, list.key.slice(0, -1));
      entries.forEach((e, j) => list.text.forEach((k) => c.localised(e, k, [id, list.key, j])));
    }
  }
  return Object.keys(root);
}
