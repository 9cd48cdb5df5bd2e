// Finds the LMS's SCORM API object the way both specs describe: up the chain of parent frames,
// then the opener window and its parents. Bounded, and safe across origins.

const MAX_DEPTH = 500;

function searchUp<T>(start: Window, name: string): T | null {
  let win: Window | null = start;
  for (let depth = 0; win && depth < MAX_DEPTH; depth++) {
    try {
      const api = (win as unknown as Record<string, unknown>)[name];
      if (api && typeof api === 'object') return api as T;
    } catch {
      return null; // another origin: the API cannot be there for us
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}

export function findApi<T>(name: 'API' | 'API_1484_11', from: Window = window): T | null {
  const inParents = searchUp<T>(from, name);
  if (inParents) return inParents;
  try {
    const opener = from.top?.opener as Window | null;
    if (opener) return searchUp<T>(opener, name);
  } catch {
    return null;
  }
  return null;
}
