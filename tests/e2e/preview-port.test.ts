// `npm run dev` when its port is taken, as a developer meets it: a second preview started on the port
// the first one holds (by --port or PORT) says what is wrong and what to do, and exits; started without
// a port while 5173 is busy, it takes the next free port and prints that address, which answers.
// Neither case may end in a stack trace. The dev server builds only on request, so no build runs here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../../build/harness/paths';

interface Started { url: string; output: () => string; child: ChildProcess }
interface Exited { code: number | null; output: string }

const running: ChildProcess[] = [];
let blocker: Server | null = null;

afterAll(async () => {
  for (const child of running) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  await new Promise<void>((done) => (blocker ? blocker.close(() => done()) : done()));
});

/** Runs `npm run dev`'s script; resolves with its address once it prints one, or with its exit. */
function preview(args: string[], env: Record<string, string> = {}): Promise<Started | Exited> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'build', 'dev', 'server.ts'), ...args], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '', ...env },
  });
  running.push(child);
  const chunks: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview neither started nor exited in 60 s:\n${chunks.join('')}`)), 60_000);
    const read = (chunk: Buffer) => {
      chunks.push(chunk.toString());
      const m = /Preview LMS: (http:\/\/\S+?)\/\?/.exec(chunks.join(''));
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], output: () => chunks.join(''), child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Let the pipes drain: the message is the last thing the process wrote.
      setTimeout(() => resolve({ code, output: chunks.join('') }), 100);
    });
  });
}

const started = (r: Started | Exited): Started => {
  if (!('url' in r)) throw new Error(`the preview exited (${r.code}) instead of starting:\n${r.output}`);
  return r;
};
const exited = (r: Started | Exited): Exited => {
  if ('url' in r) throw new Error(`the preview started at ${r.url} instead of refusing the busy port:\n${r.output()}`);
  return r;
};
const portOf = (url: string) => Number(new URL(url).port);
const STACK_TRACE = /\n\s+at |node:events|EADDRINUSE|Unhandled 'error'/;

async function answersAsPreview(url: string): Promise<void> {
  const res = await fetch(`${url}/`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('<title>Preview LMS');
}

describe('npm run dev on a busy port', () => {
  let first: Started;
  beforeAll(async () => {
    first = started(await preview(['--port', '0']));
  });

  it('a second preview on the port the first one holds (--port) says so, says what to do, and exits without a stack trace', async () => {
    const port = portOf(first.url);
    const second = exited(await preview(['--port', String(port)]));
    expect(second.code).toBe(1);
    expect(second.output).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(second.output).toContain('another `npm run dev` preview');
    expect(second.output).toMatch(/npm run dev -- --port \d+/);
    expect(second.output).not.toMatch(STACK_TRACE);
    // The first preview is untouched.
    await answersAsPreview(first.url);
  });

  it('PORT= names the port as explicitly as --port: the same message, no silent move', async () => {
    const port = portOf(first.url);
    const second = exited(await preview([], { PORT: String(port) }));
    expect(second.code).toBe(1);
    expect(second.output).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(second.output).not.toMatch(STACK_TRACE);
  });

  it('a port that is not a number is named as such', async () => {
    const r = exited(await preview(['--port', 'abc']));
    expect(r.code).toBe(1);
    expect(r.output).toContain('--port needs a port number from 0 to 65535, not "abc"');
    expect(r.output).not.toMatch(STACK_TRACE);
  });

  it('without a port, a preview finding 5173 busy takes the next free port and prints an address that works', async () => {
    // 5173 may already be taken on a shared machine; otherwise this test takes it.
    blocker = createServer();
    await new Promise<void>((done) => {
      blocker!.once('error', () => { blocker = null; done(); });
      blocker!.listen(5173, '127.0.0.1', () => done());
    });
    const r = started(await preview([]));
    expect(portOf(r.url)).toBeGreaterThan(5173);
    expect(r.output()).toMatch(/(port 5173 on 127\.0\.0\.1 is|ports 5173 to \d+ on 127\.0\.0\.1 are) in use/);
    expect(r.output()).toContain(`: using ${portOf(r.url)}`);
    expect(r.output()).not.toMatch(STACK_TRACE);
    await answersAsPreview(r.url);
  });
});
