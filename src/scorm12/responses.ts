// SCORM 1.2's response formats (RTE 3.4.2.7): choice, matching and likert responses are made of
// single characters 0–9 and a–z, and no value may pass 255 characters (CMIString255). Ids that
// already are one such character (options a, b, c) are sent as they are; otherwise an entry's
// position stands for it: options, categories, targets and scale points as a, b, c…, statements
// and sources as 0, 1, 2…
import { joinWithin, type ResponseFormat } from '../scorm/interaction';
import { toLmsText } from '../scorm/lms-text';

/** CMIString255: the longest response, pattern and free text. */
export const SCORM12_TEXT_LIMIT = 255;

const GROUP_CODES = 'abcdefghijklmnopqrstuvwxyz';
const ENTRY_CODES = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The code of each id in a list. A list too long for one character each keeps its ids: better
 *  an over-long code than a lost answer. */
function codes(ids: string[], alphabet: string): Map<string, string> {
  if (ids.every((id) => /^[0-9a-z]$/.test(id)) || ids.length > alphabet.length) return new Map(ids.map((id) => [id, id]));
  return new Map(ids.map((id, i) => [id, alphabet[i]]));
}

export const scorm12Responses: ResponseFormat = {
  wrong: 'wrong',
  choice(optionIds, chosen) {
    const code = codes(optionIds, GROUP_CODES);
    return joinWithin(optionIds.filter((id) => chosen.includes(id)).map((id) => code.get(id)!), ',', SCORM12_TEXT_LIMIT);
  },
  matching(entryIds, groupIds, placements) {
    const entries = codes(entryIds, ENTRY_CODES);
    const groups = codes(groupIds, GROUP_CODES);
    const placed = entryIds.filter((id) => Object.hasOwn(placements, id) && groupIds.includes(placements[id]));
    return joinWithin(placed.map((id) => `${entries.get(id)}.${groups.get(placements[id])}`), ',', SCORM12_TEXT_LIMIT);
  },
  trueFalse: (value) => (value ? 't' : 'f'),
  likert: (scaleIds, answer) => codes(scaleIds, GROUP_CODES).get(answer) ?? answer,
  text: { type: 'fill-in', limit: SCORM12_TEXT_LIMIT },
  lmsText: (raw, max, ellipsis) => toLmsText(raw, max, { ellipsis }),
};
