// Small text-to-XML helpers the manifest writers share: escaping, file hrefs, decimals, and the
// tiny template language of imsmanifest.template.xml. Pure functions, no I/O.

/** Escapes text for XML element content and double-quoted attributes (the only quotes we write). */
export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A package path as a relative URL: each segment percent-encoded except the characters RFC 3986
 * allows in a path segment, so `assets/index-abc.js` stays as it is and `my file.js` becomes
 * `my%20file.js` (an LMS resolves href as a URL, where a bare space or `#` would break it).
 */
export function pathHref(path: string): string {
  return path
    .split('/')
    .map((segment) => segment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu, (c) => encodeURIComponent(c)))
    .join('/');
}

/** A decimal without float noise or trailing zeros: 0.8, 0.65, 85.5. */
export const decimal = (n: number): string => String(Number(n.toFixed(6)));

export type TemplateValue = string | boolean | Record<string, string>[];

/**
 * Fills a logic-less template: `{{name}}` is replaced by the XML-escaped string `name`;
 * `{{#name}}…{{/name}}` is kept once when `name` is true, dropped when false, and repeated per
 * entry (with that entry's values) when `name` is a list; `{{! … }}` is a comment. A section tag
 * alone on its line takes the line with it, so the output keeps the template's indentation.
 * Throws on a name the values do not define, so a typo in the template never ships as `{{…}}`.
 */
export function fillTemplate(template: string, values: Record<string, TemplateValue>, where = 'template'): string {
  let text = template
    .replace(/^[ \t]*\{\{![\s\S]*?\}\}[ \t]*\n?/gm, '')
    .replace(/^[ \t]*(\{\{[#/]\w+\}\})[ \t]*\n/gm, '$1');
  const section = /\{\{#(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}/;
  for (let m = section.exec(text); m; m = section.exec(text)) {
    const [whole, name, inner] = m;
    const value = values[name];
    let out: string;
    if (typeof value === 'boolean') out = value ? inner : '';
    else if (Array.isArray(value)) out = value.map((entry) => fillValues(inner, entry, where)).join('');
    else throw new Error(`${where}: section {{#${name}}} needs a true/false or a list value`);
    text = text.slice(0, m.index) + out + text.slice(m.index + whole.length);
  }
  return fillValues(text, values, where);
}

function fillValues(text: string, values: Record<string, TemplateValue>, where: string): string {
  return text.replace(/\{\{([^}]*)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (typeof value !== 'string') throw new Error(`${where}: no text value for {{${name}}}`);
    return escapeXml(value);
  });
}
