// A horizontal bar chart as inline SVG: no script, no external file, scales with its container,
// prints as vectors. Screen readers get the title; the data table beside it carries the numbers.
import { esc } from './html.js';

export interface Bar { label: string; value: number; note?: string }

export function barChart(id: string, title: string, bars: Bar[], o: { max?: number; unit?: string } = {}): string {
  const width = 390;
  const rowH = 22;
  const labelW = 172;
  const height = bars.length * rowH + 8;
  const max = o.max ?? Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((b, i) => {
    const y = 4 + i * rowH;
    const w = max > 0 ? Math.max(0, (b.value / max) * (width - labelW - 56)) : 0;
    const shown = `${Number.isInteger(b.value) ? b.value : b.value.toFixed(1)}${o.unit ?? ''}`;
    // Long labels are cut to fit the label column; the table beside the chart has them in full.
    const label = b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label;
    return `<text x="${labelW - 4}" y="${y + 15}" text-anchor="end">${esc(label)}</text>`
      + `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" rx="2"/>`
      + `<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 15}">${esc(shown)}${b.note ? ` ${esc(b.note)}` : ''}</text>`;
  });
  return `<svg class="chart" id="${id}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t"><title id="${id}-t">${esc(title)}</title>${rows.join('')}</svg>`;
}
