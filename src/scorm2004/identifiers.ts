// SCORM 2004's identifiers are URIs (long_identifier_type for interaction and objective ids,
// short_identifier_type for the entries of a choice or matching response; RTE 4.1.1.4), and its RTE
// recommends a globally unique URN for ids (RFC 2141). Strict runtimes go further: Forma LMS refuses
// any identifier holding one of - _ . ! ~ * ' ( ) (error 406), though URI syntax allows them. So
// the course writes an item id or module slug as urn:<namespace>:<id with every character but a
// letter or digit percent-encoded>, the namespace being course.json's id without its hyphens, and a
// response entry (an option, a category) percent-encoded alike. Decoding gives back the course's own
// ids, the ones SCORM 1.2, xAPI and its files use, so reports map one to the other.

/** The course id as a URN namespace: its letters and digits (RFC 2141 allows hyphens; Forma does not). */
export const urnNamespace = (courseId: string): string => courseId.replace(/[^A-Za-z0-9]/g, '');

/** Every character but an ASCII letter or digit, as %XX of its UTF-8 bytes. */
export const encodeIdentifier = (id: string): string =>
  [...id].map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))).join('');

export const decodeIdentifier = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export function scorm2004Id(courseId: string, id: string): string {
  return `urn:${urnNamespace(courseId)}:${encodeIdentifier(id)}`;
}

/** The course's own id back from an LMS's: a URN of this course, or an id written before URNs. */
export function localId(courseId: string, lmsId: string): string {
  const prefix = `urn:${urnNamespace(courseId)}:`.toLowerCase();
  return lmsId.toLowerCase().startsWith(prefix) ? decodeIdentifier(lmsId.slice(prefix.length)) : lmsId;
}

/** A URN as RFC 2141 writes one, with none of the characters strict runtimes refuse. */
export const isStrictUrn = (value: string): boolean => /^urn:[A-Za-z0-9]{1,32}:(?:[A-Za-z0-9]|%[0-9A-F]{2})+$/.test(value) && !/^urn:urn:/i.test(value);
