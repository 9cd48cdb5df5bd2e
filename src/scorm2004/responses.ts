// SCORM 2004's response formats (RTE 4.2.9): the ids themselves (percent-encoded, identifiers.ts),
// [,] between entries and [.] inside a matching pair; free text as long-fill-in of up to 4000 characters.
import type { ResponseFormat } from '../scorm/interaction';
import { toLmsText } from '../scorm/lms-text';
import { encodeIdentifier as id } from './identifiers';

/** The most entries a choice or matching response may hold (RTE: at least 36 must be kept). */
const MAX_ENTRIES = 36;
/** localized_string_type(4000) of a long-fill-in response. */
export const SCORM2004_TEXT_LIMIT = 4000;

export const scorm2004Responses: ResponseFormat = {
  wrong: 'incorrect',
  // The item's order, each id once: 2004 refuses a repeated choice.
  choice: (optionIds, chosen) => optionIds.filter((o) => chosen.includes(o)).slice(0, MAX_ENTRIES).map(id).join('[,]'),
  matching: (entryIds, groupIds, placements) =>
    entryIds
      .filter((e) => Object.hasOwn(placements, e) && groupIds.includes(placements[e]))
      .slice(0, MAX_ENTRIES)
      .map((e) => `${id(e)}[.]${id(placements[e])}`)
      .join('[,]'),
  trueFalse: (value) => String(value),
  likert: (_scaleIds, answer) => id(answer),
  text: { type: 'long-fill-in', limit: SCORM2004_TEXT_LIMIT },
  // A leading "{" reads as the start of a {lang=…} delimiter, and the value is refused.
  lmsText(raw, max, ellipsis) {
    const line = toLmsText(raw, max, { ellipsis });
    return line.text.startsWith('{') ? { ...line, text: `(${line.text.slice(1)}` } : line;
  },
};
