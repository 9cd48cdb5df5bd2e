// Deterministic zips: files in sorted order with one fixed timestamp, so two builds of one
// commit give byte-identical packages.
import { zipSync, type Zippable } from 'fflate';

/** 2026-01-01 00:00 local time; zip stores DOS times without a zone. */
const FIXED_TIME = new Date(2026, 0, 1, 0, 0, 0);

export function deterministicZip(files: Map<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort()) {
    entries[name] = [files.get(name)!, { mtime: FIXED_TIME, level: 9 }];
  }
  return zipSync(entries, { mtime: FIXED_TIME });
}
