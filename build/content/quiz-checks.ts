// Validates one module's quiz.json: item shapes, a correct answer and feedback on every
// option, ids safe for SCORM interaction ids.
import type { JsonPath } from './json-source.js';
import { isObj, type JsonChecker, type Obj } from './json-checks.js';

export const ITEM_TYPES = ['single', 'multiple', 'truefalse', 'sort', 'match', 'reflection', 'survey'] as const;

export interface ItemRef { id: string; type: string; teaches: string | null; path: JsonPath }

export function checkQuiz(c: JsonChecker): ItemRef[] {
  const root = c.src.value;
  if (!isObj(root) || !Array.isArray(root.items)) {
    c.report([], 'quiz.json must be an object with an "items" list');
    return [];
  }
  const refs: ItemRef[] = [];
  root.items.forEach((raw, i) => {
    const path: JsonPath = ['items', i];
    if (!isObj(raw)) return c.report(path, 'each quiz item must be an object');
    const id = c.id(raw, path, 'quiz item');
    const type = raw.type;
    if (typeof type !== 'string' || !(ITEM_TYPES as readonly string[]).includes(type)) {
      c.report([...path, 'type'], `quiz item type must be one of ${ITEM_TYPES.join(', ')}`);
      return;
    }
    c.localised(raw, 'prompt', path, 'the question');
    const teaches = typeof raw.teaches === 'string' ? raw.teaches : null;
    if (type !== 'survey' && teaches === null) c.report(path, `quiz item "${id}" needs "teaches": the id of the section that teaches it`);
    checkItemBody(c, raw, type, path, id ?? '?');
    if (id) refs.push({ id, type, teaches, path });
  });
  return refs;
}

function checkItemBody(c: JsonChecker, item: Obj, type: string, path: JsonPath, id: string): void {
  switch (type) {
    case 'single':
    case 'multiple': {
      const options = c.array(item, 'options', path, 2);
      c.uniqueIds(options, path, 'options', 'option');
      options.forEach((o, j) => {
        c.localised(o, 'text', [...path, 'options', j], 'the option text');
        if (o.feedback === undefined) c.report([...path, 'options', j], `option "${o.id}" of "${id}" has no feedback; explain why it is right or wrong`);
        else c.localised(o, 'feedback', [...path, 'options', j]);
        if (typeof o.correct !== 'boolean') c.report([...path, 'options', j], `option "${o.id}" of "${id}" needs "correct": true or false`);
      });
      const correct = options.filter((o) => o.correct === true).length;
      if (options.length && correct === 0) c.report(path, `quiz item "${id}" has no correct answer; mark one option "correct": true`);
      if (type === 'single' && correct > 1) c.report(path, `single-choice item "${id}" has ${correct} correct options; use "multiple" or mark one`);
      return;
    }
    case 'truefalse': {
      if (typeof item.answer !== 'boolean') c.report(path, `true/false item "${id}" has no correct answer; add "answer": true or false`);
      const labels = item.labels;
      if (!isObj(labels)) c.report(path, `true/false item "${id}" needs "labels" for true and false`);
      else { c.localised(labels, 'true', [...path, 'labels']); c.localised(labels, 'false', [...path, 'labels']); }
      const fb = item.feedback;
      if (!isObj(fb)) c.report(path, `true/false item "${id}" has no feedback; add "feedback" for true and for false`);
      else { c.localised(fb, 'true', [...path, 'feedback'], 'feedback'); c.localised(fb, 'false', [...path, 'feedback'], 'feedback'); }
      return;
    }
    case 'sort':
    case 'match': {
      const [groupKey, entryKey, linkKey] = type === 'sort' ? ['categories', 'statements', 'category'] : ['targets', 'sources', 'target'];
      const groups = c.array(item, groupKey, path, 2);
      const groupIds = c.uniqueIds(groups, path, groupKey, groupKey.slice(0, -1));
      groups.forEach((g, j) => c.localised(g, 'text', [...path, groupKey, j]));
      const entries = c.array(item, entryKey, path, 2);
      c.uniqueIds(entries, path, entryKey, entryKey.slice(0, -1));
      entries.forEach((e, j) => {
        const at = [...path, entryKey, j];
        c.localised(e, 'text', at);
        if (typeof e[linkKey] !== 'string' || !groupIds.has(e[linkKey] as string)) {
          c.report(at, `"${e.id}" of "${id}" has no correct answer; set "${linkKey}" to one of ${[...groupIds].join(', ')}`);
        }
        if (e.feedback === undefined) c.report(at, `"${e.id}" of "${id}" has no feedback; explain why it belongs where it does`);
        else c.localised(e, 'feedback', at);
      });
      return;
    }
    case 'reflection':
      c.localised(item, 'hint', path, 'the reminder to anonymise');
      return;
    case 'survey': {
      if (item.scale === null) return;
      const scale = c.array(item, 'scale', path, 2);
      c.uniqueIds(scale, path, 'scale', 'scale point');
      scale.forEach((s, j) => c.localised(s, 'text', [...path, 'scale', j]));
      return;
    }
  }
}
