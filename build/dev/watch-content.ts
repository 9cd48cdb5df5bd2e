// Watches the content folders (course/ and modules/) and calls back once per burst of changes:
// an editor's save often writes a file two or three times in a few milliseconds.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export function watchContent(root: string, onChange: (files: string[]) => void, quietMs = 150): () => void {
  const watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  for (const folder of ['course', 'modules']) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    // Recursive fs.watch works on Linux from Node 20 on.
    watchers.push(watch(dir, { recursive: true }, (_event, name) => {
      if (!name || /(^|\/)(\.|.*~$|.*\.sw.$)/.test(String(name))) return; // editor swap and backup files
      pending.add(`${folder}/${name}`);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending];
        pending = new Set();
        onChange(files);
      }, quietMs);
    }));
  }
  return () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
