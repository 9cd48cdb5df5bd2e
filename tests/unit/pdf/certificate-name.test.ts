// The name a certificate prints: an LMS's "Last, First" reads as "First Last"; other names stay.
import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/learner/certificate';

describe('the name on the certificate', () => {
  it('turns the SCORM "Last, First" form round', () => {
    expect(displayName('Rossi, Ada')).toBe('Ada Rossi');
    expect(displayName('  De Luca ,  Maria Grazia ')).toBe('Maria Grazia De Luca');
  });
  it('keeps a name that is not in that form', () => {
    expect(displayName('Dr Ada Rossi')).toBe('Dr Ada Rossi');
    expect(displayName('Rossi, Ada, MRCGP')).toBe('Rossi, Ada, MRCGP');
    expect(displayName('Rossi,')).toBe('Rossi,');
  });
});
