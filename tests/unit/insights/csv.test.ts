// CSV cells a spreadsheet would run as formulas come out as text (CSV injection).
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../build/insights/outputs/csv';

describe('CSV cells from learners\' names', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+44 7700 900123', "'+44 7700 900123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
  ])('neutralises %s', (name, cell) => expect(csvCell(name)).toBe(cell));

  it('keeps ordinary names, numbers and empty cells as they are, quoting commas and quotes', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['Rossi, Ada', -5, null, 'D\'Arcy "Doc"']])).toBe('a,b,c,d\r\n"Rossi, Ada",-5,,"D\'Arcy ""Doc"""\r\n');
  });
});
