// SCORM 2004's interaction and objective ids are long_identifier_type, which the RTE defines by URI
// syntax and for which it recommends a globally unique URN (RTE 4.1.1.4; RFC 2141). Strict runtimes
// refuse anything else (Forma LMS answers 406). The course writes each item id and module slug as
// urn:<course id>:<id>: the course id names the namespace, so two courses' items never meet, and
// the id is the one SCORM 1.2, xAPI and the course's own files use, so reports map one to the other.

/** RFC 2141 namespace identifier: a letter or digit, then up to 31 letters, digits or hyphens; not "urn". */
export const URN_NAMESPACE = /^(?!urn$)[a-z0-9][a-z0-9-]{0,31}$/i;
/** RFC 2141 namespace-specific string: these characters, or a %-escape. */
const NSS = /^(?:[a-z0-9()+,\-.:=@;$_!*']|%[0-9a-f]{2})+$/i;

export function scorm2004Id(courseId: string, id: string): string {
  const nss = [...id].map((ch) => (/[a-z0-9()+,\-.:=@;$_!*']/i.test(ch) ? ch : encodeURIComponent(ch))).join('');
  return `urn:${courseId}:${nss}`;
}

/** The course's own id back from an LMS's id: a URN of this course, or an id written before URNs. */
export function localId(courseId: string, lmsId: string): string {
  const prefix = `urn:${courseId}:`;
  return lmsId.toLowerCase().startsWith(prefix.toLowerCase()) ? decodeURIComponent(lmsId.slice(prefix.length)) : lmsId;
}

/** Whether a value is a URN as RFC 2141 writes one. */
export const isUrn = (value: string): boolean => {
  const m = /^urn:([^:]+):(.+)$/i.exec(value);
  return m !== null && URN_NAMESPACE.test(m[1]) && NSS.test(m[2]);
};
