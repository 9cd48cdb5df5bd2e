// Free text (a reflection, a comment, a prompt) made fit for an LMS text field: one line, cut to
// the field's length. LMS validators (scorm-again among them) match these fields with `^.*$`,
// which fails on any line break, so breaks become spaces rather than a refused SetValue.

export interface LmsText { text: string; truncated: boolean }

/** Collapses whitespace (line breaks included) to single spaces and cuts to `max` UTF-16 units,
 *  never halving a surrogate pair. `ellipsis` marks the cut with "…" inside the limit. */
export function toLmsText(raw: string, max: number, options: { ellipsis?: boolean } = {}): LmsText {
  const text = String(raw ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return { text, truncated: false };
  const room = options.ellipsis ? max - 1 : max;
  let cut = text.slice(0, room);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return { text: options.ellipsis ? `${cut.trimEnd()}…` : cut, truncated: true };
}

/** Cuts text to at most `maxBytes` bytes of UTF-8, between whole characters. SCORM 2004 in
 *  Moodle sends every answer again when the session ends, within a fixed number of bytes. */
export function fitUtf8(text: string, maxBytes: number): LmsText {
  // A text of n UTF-16 units takes at most 3n bytes; encodeInto stops before a character that does not fit.
  if (text.length * 3 <= maxBytes) return { text, truncated: false };
  const { read } = new TextEncoder().encodeInto(text, new Uint8Array(maxBytes));
  return { text: text.slice(0, read), truncated: read < text.length };
}
