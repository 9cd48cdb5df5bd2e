// `npm run bench -- --first-control --trace`: where the time goes before the first working control,
// for the English SCORM 1.2 and cmi5 packages, new and returning learner, one traced run each on the
// same slow phone (a trace costs a little time of its own: read the shares, not the totals).
// Prints, in the course document's clock:
// - the waterfall up to the first control: each request, its bytes, when it was sent, answered
//   and finished, and what started it (the HTML parser, a preload, or a script);
// - the renderer's main thread until then: self time by kind (HTML parsing, script compile and
//   run, style, layout, paint, garbage collection, other), from the Chrome trace;
// - script by chunk: the bytes of each script and the main-thread time sampled in its code
//   (V8's CPU profiler), and the compile time the trace records for it.
// Traces are written to $OUTPUT_DIR/first-control/trace-<package>-<learner>.json (open them in
// DevTools' Performance panel), the probe's times and the resource timing beside them (.run.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Format } from '../formats.js';
import { sitToBookmark, type Learner, type ResumeSeed } from './launches.js';
import { launchWithProbe, RESOURCE_ENTRIES, type BenchHarness, type ResourceEntry } from './first-control.js';

const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink', 'loading', 'toplevel',
  'disabled-by-default-v8.compile', 'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; id?: string; args?: { data?: Record<string, unknown>; fileName?: string; name?: string; frame?: string } }
interface Sent { requestId: string; url: string; initiator: string; method: string }

/** One traced cold launch on the slow phone: the probe's times, the trace, what started each request. */
async function tracedRun(browser: Browser, h: BenchHarness, format: Format, learner: Learner, seed: ResumeSeed) {
  const sent = new Map<string, Sent>();
  let tracing = false;
  const l = await launchWithProbe(browser, h, format, h.facts.en, learner, seed, {
    press: false, slowPhone: true, timeoutMs: 60_000,
    beforeGoto: async (page, cdp) => {
      cdp.on('Network.requestWillBeSent', (e) => {
        const i = e.initiator;
        const by = i.type === 'script' ? `script ${shortUrl(i.stack?.callFrames[0]?.url ?? i.stack?.parent?.callFrames[0]?.url ?? '')}` : i.type === 'parser' ? 'HTML parser' : i.type;
        sent.set(e.requestId, { requestId: e.requestId, url: e.request.url, initiator: by, method: e.request.method });
      });
      await browser.startTracing(page, { categories: CATEGORIES });
      tracing = true;
    },
  });
  try {
    if (!l.out || !l.frame) throw new Error(`${format}-en ${learner}: no first control`);
    await l.idle();
    const entries = (await l.frame.evaluate(RESOURCE_ENTRIES)) as ResourceEntry[];
    const trace = await browser.stopTracing();
    tracing = false;
    return { out: l.out, entries, trace, sent };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await l.context.close();
  }
}

const shortUrl = (url: string) => {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/^\/pkg\/[a-z0-9]+-[a-z]{2}\//, '');
    return path.startsWith('/xAPI/') || path.startsWith('/lms/') ? `${path}` : path;
  } catch {
    return url;
  }
};

/** Main-thread events nest: self time is an event's duration minus its children's. */
export function selfTimes(events: TraceEvent[], from: number, to: number): { name: string; self: number; ancestors: string[]; url: string | null }[] {
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + e.dur! > from).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: { name: string; self: number; ancestors: string[]; url: string | null }[] = [];
  const stack: { e: TraceEvent; child: number; rec: { name: string; self: number; ancestors: string[]; url: string | null } }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= until) {
      const top = stack.pop()!;
      top.rec.self = Math.max(0, clip(top.e, from, to) - top.child);
      if (stack.length) stack[stack.length - 1].child += clip(top.e, from, to);
    }
  };
  for (const e of xs) {
    close(e.ts);
    const url = (e.args?.data?.url as string | undefined) || e.args?.fileName || (stack.length ? stack[stack.length - 1].rec.url : null);
    const rec = { name: e.name, self: 0, ancestors: stack.map((s) => s.e.name), url: url || null };
    out.push(rec);
    stack.push({ e, child: 0, rec });
  }
  close(Infinity);
  return out;
}
const clip = (e: TraceEvent, from: number, to: number) => Math.max(0, Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from));

const KINDS: [string, RegExp][] = [
  ['HTML parsing', /^(ParseHTML|HTMLDocumentParser)/],
  ['script compile', /^(v8\.parseOnBackgroundWaiting|v8\.compile|v8\.compileModule|V8\.Compile|V8\.ParseFunction|V8\.PreParse|V8\.ParseProgram|v8\.produceModuleCache|v8\.produceCache)/],
  ['script run', /^(EvaluateScript|v8\.evaluateModule|v8\.run|FunctionCall|v8\.callFunction|RunMicrotasks|TimerFire|EventDispatch|BlinkScheduler_PerformMicrotaskCheckpoint|V8\.|v8\.)/],
  ['garbage collection', /GC|Scavenge|MarkCompact/],
  ['style', /^(UpdateLayoutTree|ParseAuthorStyleSheet|Document::updateActiveStyle|StyleEngine|RecalculateStyles)/],
  ['layout', /^(Layout|LocalFrameView::layout|LocalFrameView::performLayout|InlineNode)/],
  ['paint', /^(PrePaint|Paint|Layerize|Commit|UpdateLayer|PaintArtifactCompositor|LocalFrameView::RunPaint)/],
];
export const kindOf = (name: string, ancestors: string[]): string => {
  for (const n of [name, ...[...ancestors].reverse()]) for (const [kind, re] of KINDS) if (re.test(n)) return kind;
  return 'other';
};

function analyse(label: string, run: Awaited<ReturnType<typeof tracedRun>>, outDir: string): void {
  const parsed = JSON.parse(run.trace.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const file = join(outDir, `trace-${label.replace(/ /g, '-')}`);
  writeFileSync(`${file}.json`, run.trace);
  writeFileSync(`${file}.run.json`, JSON.stringify({ probe: run.out, entries: run.entries }, null, 1));
  // The course document's clock: a request's start is in both the trace and the page's resource timing.
  const sends = events.filter((e) => e.name === 'ResourceSendRequest');
  const offsets = run.entries.filter((e) => e.type !== 'navigation').flatMap((e) => sends.filter((s) => s.args?.data?.url === e.name).map((s) => s.ts - e.start * 1000));
  if (!offsets.length) throw new Error('no request of the course document in the trace');
  const t0 = offsets.sort((a, b) => a - b)[offsets.length >> 1];
  const paint = events.find((e) => e.name === 'firstContentfulPaint' && Math.abs((e.ts - t0) / 1000 - run.out.firstText) < 200) ?? events.find((e) => e.name === 'firstContentfulPaint');
  if (!paint) throw new Error('no firstContentfulPaint in the trace');
  const at = (ts: number) => (ts - t0) / 1000;
  const control = run.out.control;
  const end = t0 + control * 1000;
  console.log(`\n=== ${label}: first text ${Math.round(run.out.firstText)} ms, first control ${Math.round(control)} ms ===`);

  // Waterfall from the trace's resource events, joined with who sent each request; the document's
  // own request is the browser's, so its times come from the page's navigation timing.
  const byId = (name: string, id: string) => events.find((e) => e.name === name && e.args?.data?.requestId === id);
  console.log('\nRequests of the course document, in the order sent (ms from its navigation; bytes on the wire):');
  console.log(`${'request'.padEnd(44)} ${'bytes'.padStart(8)} ${'sent'.padStart(6)} ${'answer'.padStart(7)} ${'done'.padStart(6)}  started by`);
  const timed = run.entries.filter((e) => e.start < control);
  const doc = run.entries.find((e) => e.type === 'navigation')!;
  console.log(`${'index.html'.padEnd(44)} ${String(doc.bytes).padStart(8)} ${'0'.padStart(6)} ${''.padStart(7)} ${doc.end.toFixed(0).padStart(6)}  the LMS (navigation)`);
  for (const s of sends.filter((e) => e.ts >= t0)) {
    const id = s.args!.data!.requestId as string;
    const url = s.args!.data!.url as string;
    if (!timed.some((e) => e.name === url && e.type !== 'navigation')) continue;
    const response = byId('ResourceReceiveResponse', id);
    const finish = byId('ResourceFinish', id);
    const who = run.sent.get(id);
    const name = `${(s.args!.data!.requestMethod as string) === 'GET' ? '' : `${s.args!.data!.requestMethod as string} `}${shortUrl(url).split('?')[0]}`;
    console.log(`${name.slice(0, 44).padEnd(44)} ${String(finish?.args?.data?.encodedDataLength ?? '?').padStart(8)} ${at(s.ts).toFixed(0).padStart(6)} ${response ? at(response.ts).toFixed(0).padStart(7) : '      ?'} ${finish ? at(finish.ts).toFixed(0).padStart(6) : '     ?'}  ${who?.initiator ?? ''}`);
  }

  // The renderer's main thread: the thread that painted the course.
  const main = events.filter((e) => e.pid === paint.pid && e.tid === paint.tid);
  const selves = selfTimes(main, t0, end);
  const byKind = new Map<string, number>();
  for (const s of selves) byKind.set(kindOf(s.name, s.ancestors), (byKind.get(kindOf(s.name, s.ancestors)) ?? 0) + s.self / 1000);
  const busy = [...byKind.values()].reduce((a, b) => a + b, 0);
  console.log(`\nMain thread until the first control (${Math.round(control)} ms): busy ${busy.toFixed(0)} ms — ${[...byKind].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  const longTasks = main.filter((e) => e.name === 'RunTask' && e.dur! > 50_000 && e.ts >= t0 && e.ts < end).map((e) => `${at(e.ts).toFixed(0)}+${(e.dur! / 1000).toFixed(0)}`);
  console.log(`Tasks over 50 ms (start+length): ${longTasks.join(', ') || 'none'}`);

  // Script by chunk: compile from the trace, time in its code from the CPU profiler's samples.
  const compile = new Map<string, number>();
  for (const s of selves) if (kindOf(s.name, s.ancestors) === 'script compile' && s.url) compile.set(shortUrl(s.url), (compile.get(shortUrl(s.url)) ?? 0) + s.self / 1000);
  const { scripts: sampled, functions } = profileByScript(events, paint.pid, t0, end);
  const scripts = run.entries.filter((e) => e.type === 'script' && e.start < control);
  console.log('\nScripts fetched before the first control:');
  console.log(`${'chunk'.padEnd(44)} ${'bytes'.padStart(8)} ${'arrived'.padStart(8)} ${'compile'.padStart(8)} ${'its code ran'.padStart(13)}`);
  for (const e of scripts) {
    const name = shortUrl(e.name);
    console.log(`${name.padEnd(44)} ${String(e.bytes).padStart(8)} ${(e.end ? `${e.end.toFixed(0)}` : '—').padStart(8)} ${`${(compile.get(name) ?? 0).toFixed(0)} ms`.padStart(8)} ${`${(sampled.get(name) ?? 0).toFixed(0)} ms`.padStart(13)}`);
  }
  const other = [...sampled].filter(([k]) => !scripts.some((e) => shortUrl(e.name) === k)).map(([k, v]) => `${k} ${v.toFixed(0)} ms`);
  console.log(`Other samples in that time: ${other.join(', ')}`);
  const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`Functions with the most samples (script, name, line:column of the package's code): ${top.map(([k, v]) => `\n  ${v.toFixed(0).padStart(4)} ms  ${k}`).join('')}`);
}

interface ProfileNode { scriptId: number; url?: string; name: string; line: number; column: number }

/** Main-thread time from the CPU profiler's samples, by the script of the frame that was running
 *  (injected scripts, which have no URL, are the probe and the harness's own), and by function. */
export function profileByScript(events: TraceEvent[], pid: number, from: number, to: number): { scripts: Map<string, number>; functions: Map<string, number> } {
  const urls = new Map<number, string>();
  for (const e of events) {
    const d = e.args?.data;
    if (d && typeof d.scriptId !== 'undefined' && typeof d.url === 'string' && d.url) urls.set(Number(d.scriptId), d.url);
  }
  const profiles = new Map<string, { nodes: Map<number, ProfileNode>; time: number }>();
  const scripts = new Map<string, number>();
  const functions = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const c of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid)) {
    const key = `${c.id}:${c.tid}`;
    let p = profiles.get(key);
    if (!p) {
      const head = events.find((e) => e.name === 'Profile' && e.id === c.id && e.pid === pid);
      profiles.set(key, (p = { nodes: new Map(), time: (head?.args?.data?.startTime as number | undefined) ?? head?.ts ?? 0 }));
    }
    const data = c.args!.data as { cpuProfile?: { nodes?: { id: number; callFrame: { scriptId: number; url?: string; functionName: string; lineNumber?: number; columnNumber?: number } }[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      p.nodes.set(n.id, { scriptId: Number(f.scriptId), url: f.url, name: f.functionName, line: f.lineNumber ?? -1, column: f.columnNumber ?? -1 });
      if (f.url) urls.set(Number(f.scriptId), f.url);
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.time += deltas[i] ?? 0;
      if (p.time < from || p.time > to) continue;
      const node = p.nodes.get(samples[i]);
      if (!node) continue;
      const ms = (deltas[i + 1] ?? 0) / 1000;
      const url = node.scriptId ? node.url || urls.get(node.scriptId) : undefined;
      const script = node.scriptId ? (url ? shortUrl(url) : 'injected scripts (probe, harness)') : node.name;
      add(scripts, script, ms);
      if (node.scriptId) add(functions, `${url ? shortUrl(url) : `injected script ${node.scriptId}`} ${node.name || '(anonymous)'} ${node.line + 1}:${node.column + 1}`, ms);
    }
  }
  return { scripts, functions };
}

export async function traceFirstControl(browser: Browser, h: BenchHarness): Promise<void> {
  const outDir = join(process.env.OUTPUT_DIR ?? join(process.cwd(), 'tests', '.output'), 'first-control');
  mkdirSync(outDir, { recursive: true });
  for (const format of ['scorm12', 'cmi5'] as const) {
    const seed = await sitToBookmark(browser, h, format, h.facts.en);
    for (const learner of ['new', 'resumed'] as const) {
      const run = await tracedRun(browser, h, format, learner, seed);
      analyse(`${format}-en ${learner}`, run, outDir);
    }
  }
}
