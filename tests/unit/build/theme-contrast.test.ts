// The contrast arithmetic the build relies on, against values any WCAG contrast checker gives.
import { describe, expect, it } from 'vitest';
import { checkTheme, contrastRatio, formatRatio, relativeLuminance } from '../../../build/content/theme-checks';
import { Problems } from '../../../build/content/problems';
import { readJson } from '../../../build/content/json-source';

describe('WCAG contrast', () => {
  it('gives the known end points and a known middle value', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#777777', '#777')).toBeCloseTo(1, 10);
    // #767676 on white is the classic "just passes" grey: 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'));
  });

  it('never rounds a failing ratio up to the minimum', () => {
    expect(formatRatio(4.499)).toBe('4.49:1');
    expect(formatRatio(21)).toBe('21:1');
    expect(formatRatio(3.2)).toBe('3.2:1');
  });

  it('accepts the course theme and names the line of a colour that falls short', () => {
    const text = '{\n  "theme": {\n    "text": "#999999",\n    "background": "#ffffff",\n    "accent": "#1d5c7a",\n    "accentText": "#ffffff"\n  }\n}';
    const problems = new Problems();
    checkTheme(readJson('course.json', text, problems)!, problems);
    expect(problems.list.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: theme colour "text" #999999 on "background" #ffffff has contrast 2.84:1; text needs at least 4.5:1 (WCAG 2.2 SC 1.4.3)',
      '3: theme colour "text" #999999 on the panel colour #f1f5f8 has contrast 2.59:1; text on the panel colour needs at least 4.5:1 (WCAG 2.2 SC 1.4.3)',
    ]);
    const fine = new Problems();
    checkTheme(readJson('course.json', text.replace('#999999', '#1f2933'), fine)!, fine);
    expect(fine.list).toEqual([]);
  });
});
