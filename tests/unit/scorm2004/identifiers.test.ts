// SCORM 2004 ids as URNs: what strict runtimes accept (Forma refuses anything but an absolute URI),
// the same id as the course's own files use, and every id of the real course fit to be one.
import { describe, expect, it } from 'vitest';
import { Scorm2004API } from 'scorm-again';
import { isUrn, localId, scorm2004Id } from '../../../src/scorm2004/identifiers';
import { isScored } from '../../../src/content/types';
import { courseContent } from '../../../build/harness/course-content';

describe('a SCORM 2004 identifier', () => {
  it('is urn:<course id>:<the course’s own id>', () => {
    expect(scorm2004Id('balint-method', 'final-premises-collusion')).toBe('urn:balint-method:final-premises-collusion');
    expect(isUrn(scorm2004Id('balint-method', 'origins'))).toBe(true);
  });

  it('escapes what a URN may not hold, and reads back to the course’s id', () => {
    const urn = scorm2004Id('balint-method', 'item with space/é');
    expect(isUrn(urn)).toBe(true);
    expect(urn).not.toMatch(/\s/);
    expect(localId('balint-method', urn)).toBe('item with space/é');
    expect(localId('balint-method', 'written-before-urns')).toBe('written-before-urns');
  });

  it('tells a URN from an id that is not one', () => {
    expect(isUrn('final-premises-collusion')).toBe(false);
    expect(isUrn('urn:ADL:interaction-id-0001')).toBe(true);
    expect(isUrn('urn:urn:x')).toBe(false);
  });

  it('every item and module of the real course makes a URN scorm-again takes as an interaction and objective id', () => {
    const content = courseContent('en');
    const api = new Scorm2004API({ logLevel: 5 });
    api.Initialize('');
    const ids = [...content.modules.flatMap((m) => m.items.map((i) => i.id)), ...content.modules.map((m) => m.slug)];
    for (const [n, id] of ids.entries()) {
      const urn = scorm2004Id(content.outline.id, id);
      expect(isUrn(urn), urn).toBe(true);
      expect(api.SetValue(`cmi.interactions.${n}.id`, urn), urn).toBe('true');
    }
    expect(content.modules.some((m) => m.items.some(isScored))).toBe(true);
  });
});
