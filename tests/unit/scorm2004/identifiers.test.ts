// SCORM 2004 ids and response entries as strict runtimes take them: Forma LMS refuses any
// identifier holding - _ . ! ~ * ' ( ), though URI syntax allows them; the course's own ids come back.
import { describe, expect, it } from 'vitest';
import { Scorm2004API } from 'scorm-again';
import { decodeIdentifier, encodeIdentifier, isStrictUrn, localId, scorm2004Id } from '../../../src/scorm2004/identifiers';
import { scorm2004Dialect } from '../../../src/scorm2004/dialect';
import { toInteraction } from '../../../src/scorm/interaction';
import { isScored } from '../../../src/content/types';
import { courseContent } from '../../../build/harness/course-content';

/** Forma LMS 4.0.19's check for SCORM 2004 identifiers (ScormTypes.js): none of these characters. */
const FORMA_IDENTIFIER = /^[^\-_.!~*'()]*$/;

describe('a SCORM 2004 identifier', () => {
  it('is urn:<course id without hyphens>:<the course’s own id, percent-encoded>', () => {
    expect(scorm2004Id('balint-method', 'final-premises-collusion')).toBe('urn:balintmethod:final%2Dpremises%2Dcollusion');
    expect(scorm2004Id('balint-method', 'origins')).toBe('urn:balintmethod:origins');
  });

  it('reads back to the course’s id, whatever it holds', () => {
    for (const id of ['final-premises-collusion', 'item with space/é', 'a_b.c']) expect(localId('balint-method', scorm2004Id('balint-method', id))).toBe(id);
    expect(localId('balint-method', 'written-before-urns')).toBe('written-before-urns');
    expect(decodeIdentifier(encodeIdentifier('premise-a'))).toBe('premise-a');
  });

  it('every id and every response of the real course passes a strict runtime’s check, and scorm-again takes it', () => {
    const content = courseContent('en');
    const api = new Scorm2004API({ logLevel: 5 });
    api.Initialize('');
    const ids = [...content.modules.flatMap((m) => m.items.map((i) => i.id)), ...content.modules.map((m) => m.slug)];
    let n = 0;
    for (const id of ids) {
      const urn = scorm2004Id(content.outline.id, id);
      expect(isStrictUrn(urn), urn).toBe(true);
      expect(FORMA_IDENTIFIER.test(urn), urn).toBe(true);
      expect(api.SetValue(`cmi.objectives.${n++}.id`, urn), urn).toBe('true');
    }
    // Every scored item's right answer as a recorded interaction: id, pattern and response.
    n = 0;
    for (const item of content.modules.flatMap((m) => m.items).filter(isScored)) {
      const record = toInteraction(item, null, scorm2004Dialect.responses);
      const pairs = scorm2004Dialect.interactionValues(n++, { ...record, id: scorm2004Id(content.outline.id, item.id), learnerResponse: record.correctPattern ?? '', timestamp: new Date(), latencySeconds: 1 });
      for (const [el, v] of pairs.filter(([el]) => /\.(id|pattern|learner_response)$/.test(el))) {
        expect(FORMA_IDENTIFIER.test(v.replace(/\[[,.]\]/g, '')), `${el} = ${v}`).toBe(true);
      }
      const refused = pairs.filter(([el, v]) => api.SetValue(el, v) !== 'true').map(([el, v]) => `${el}=${v} (${api.GetLastError()})`);
      expect(refused).toEqual([]);
    }
  });
});
