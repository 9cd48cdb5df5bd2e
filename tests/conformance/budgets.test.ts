// The size budgets (docs/architecture.md#budgets) on the real packages (sizes are deterministic; times are only
// printed by npm run bench). A lowered budget proves the check can fail.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, overBudget, weighZip } from '../../build/budgets';
import { DIST } from '../../build/harness/paths';

const zips = ['en', 'it'].flatMap((lang) => readdirSync(join(DIST, lang)).filter((f) => f.endsWith('.zip')).map((f) => join(DIST, lang, f)));

describe('package size budgets', () => {
  it('finds the eight zips', () => {
    expect(zips).toHaveLength(8);
  });

  it.each(zips.map((z) => [z.split('/').slice(-2).join('/'), z]))('%s is within the first-page JS, CSS and zip budgets', (_name, zip) => {
    const w = weighZip(zip);
    expect(w.firstPageJsGzip).toBeGreaterThan(1000);
    expect(overBudget(w, true)).toEqual([]);
  });

  it('reports a package that goes over a budget', () => {
    const w = weighZip(zips[0]);
    const lowered = { ...BUDGETS, firstPageJsGzip: w.firstPageJsGzip - 1, zipBytes: w.bytes - 1 };
    const over = overBudget(w, true, lowered);
    expect(over).toHaveLength(2);
    expect(over[0]).toMatch(/first-page JS/);
    expect(over[1]).toMatch(/zip/);
  });
});
