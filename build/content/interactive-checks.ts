// Validates one module's interactive.json: each component's type and the lists it needs.
import { isObj, type JsonChecker } from './json-checks.js';

const LISTS: Record<string, { key: string; text: string[] }[]> = {
  timeline: [{ key: 'events', text: ['title', 'text'] }],
  cards: [{ key: 'cards', text: ['front', 'back'] }],
  session: [{ key: 'steps', text: ['title', 'text'] }],
  sorter: [{ key: 'categories', text: ['text'] }, { key: 'statements', text: ['text', 'explanation'] }],
  comparison: [{ key: 'columns', text: ['text'] }, { key: 'rows', text: ['aspect'] }],
};

export function checkInteractive(c: JsonChecker): string[] {
  const root = c.src.value;
  if (!isObj(root)) {
    c.report([], 'interactive.json must be an object keyed by component id');
    return [];
  }
  for (const [id, comp] of Object.entries(root)) {
    if (!isObj(comp) || typeof comp.type !== 'string' || !(comp.type in LISTS)) {
      c.report([id], `component "${id}" needs a "type": one of ${Object.keys(LISTS).join(', ')}`);
      continue;
    }
    c.localised(comp, 'title', [id]);
    for (const list of LISTS[comp.type]) {
      const entries = c.array(comp, list.key, [id], 2);
      c.uniqueIds(entries, [id], list.key, list.key.slice(0, -1));
      entries.forEach((e, j) => list.text.forEach((k) => c.localised(e, k, [id, list.key, j])));
    }
  }
  return Object.keys(root);
}
