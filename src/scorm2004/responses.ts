// SCORM 2004's response formats (RTE 4.2.9): the ids themselves, [,] between entries and [.]
// inside a matching pair; free text as long-fill-in of up to 4000 characters.
import type { ResponseFormat } from '../scorm/interaction';
import { toLmsText } from '../scorm/lms-text';

/** The most entries a choice or matching response may hold (RTE: at least 36 must be kept). */
const MAX_ENTRIES = 36;
/** localized_string_type(4000) of a long-fill-in response. */
export const SCORM2004_TEXT_LIMIT = 4000;

export const scorm2004Responses: ResponseFormat = {
  wrong: 'incorrect',
  // The item's order, each id once: 2004 refuses a repeated choice.
  choice: (optionIds, chosen) => optionIds.filter((id) => chosen.includes(id)).slice(0, MAX_ENTRIES).join('[,]'),
  matching: (entryIds, groupIds, placements) =>
    entryIds
      .filter((id) => Object.hasOwn(placements, id) && groupIds.includes(placements[id]))
      .slice(0, MAX_ENTRIES)
      .map((id) => `${id}[.]${placements[id]}`)
      .join('[,]'),
  trueFalse: (value) => String(value),
  likert: (_scaleIds, answer) => answer,
  text: { type: 'long-fill-in', limit: SCORM2004_TEXT_LIMIT },
  // A leading "{" reads as the start of a {lang=…} delimiter, and the value is refused.
  lmsText(raw, max, ellipsis) {
    const line = toLmsText(raw, max, { ellipsis });
    return line.text.startsWith('{') ? { ...line, text: `(${line.text.slice(1)}` } : line;
  },
};
