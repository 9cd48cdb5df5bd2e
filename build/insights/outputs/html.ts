// Escaping for the report: every name, id and text from the data goes through esc().
export const esc = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function table(id: string, caption: string, head: string[], rows: (string | number | null)[][], numeric: boolean[] = []): string {
  const th = head.map((h, i) => `<th scope="col"${numeric[i] ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${numeric[i] ? ' class="num"' : ''}>${esc(c)}</td>`)).join('')}</tr>`).join('');
  return `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="${id}-c"><table><caption id="${id}-c">${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}
