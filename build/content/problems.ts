// Content problems carry the file and line an author should open; the build prints them as
// `path:line: message` (the format editors jump to) and stops with a non-zero exit.

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(file: string, line: number, message: string): void {
    this.list.push({ file, line, message });
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}

export function formatProblem(p: Problem, relativeTo: string): string {
  const rel = p.file.startsWith(relativeTo + '/') ? p.file.slice(relativeTo.length + 1) : p.file;
  return `${rel}:${p.line}: ${p.message}`;
}

export class ContentInvalid extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} content problem(s)`);
  }
}
