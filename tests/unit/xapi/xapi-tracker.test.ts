// The xAPI/cmi5 tracker's end of session against a test double of the LRS (it records the order of
// what it was sent and answers when told): the last state before terminated, terminated once and
// last, and nothing after it — what ADL's CATAPULT player insists on (cmi5 §9.3).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { createXapiTracker } from '../../../src/tracking/xapi/xapi-tracker';
import { createOutbox } from '../../../src/xapi/outbox';
import { createSessionRecorder } from '../../../src/xapi/session-recorder';
import type { LrsClient } from '../../../src/xapi/lrs-client';
import type { Snapshot, Tracker } from '../../../src/events/tracker';
import { CMI5_TEMPLATE, REGISTRATION, scope } from './fixtures';

/** Test double of the LRS connection: logs each request in order; a state write waits for release(). */
class LoggingLrs implements Pick<LrsClient, 'send' | 'putState'> {
  log: string[] = [];
  holdStates = false;
  held: (() => void)[] = [];
  async send(statements: Statement[], { keepalive }: { keepalive: boolean }) {
    this.log.push(`statements ${statements.map((s) => s.verb.id.split('/').pop()).join(',')}${keepalive ? ' (keepalive)' : ''}`);
    return { status: 200, body: '[]' };
  }
  async putState(_at: unknown, doc: unknown) {
    const { location } = doc as { location: string };
    if (this.holdStates) await new Promise<void>((r) => this.held.push(r));
    this.log.push(`state ${location}`);
    return 204;
  }
  release() {
    this.held.splice(0).forEach((r) => r());
  }
}

const snap = (location: string): Snapshot => ({ location, suspendData: `at ${location}`, progress: 0.5, moduleSlug: 'origins', pageId: location });
let lrs: LoggingLrs;
let assigned: string[];
let tracker: Tracker;

beforeEach(async () => {
  vi.useFakeTimers();
  lrs = new LoggingLrs();
  assigned = [];
  const listeners: Record<string, (() => void)[]> = {};
  vi.stubGlobal('window', {
    location: { assign: (u: string) => assigned.push(u) },
    addEventListener: (type: string, l: () => void) => (listeners[type] ??= []).push(l),
  });
  const client = lrs as unknown as LrsClient;
  const recorder = createSessionRecorder({ scope: scope({ cmi5: true, contextTemplate: CMI5_TEMPLATE }), mode: 'normal', masteryScaled: null, sendReflectionText: false, soFar: { completed: false, passed: false } });
  tracker = createXapiTracker({
    standard: 'cmi5', client, recorder, saved: null, returnUrl: 'https://lms.example.org/back', listeners: [], localKey: 'resume',
    outbox: createOutbox({ storageKey: 'outbox', storage: null, transport: client }),
    resumeAt: { activityId: 'https://example.org/au', agent: scope().actor, registration: REGISTRATION, stateId: 'resume' },
    launch: { mode: 'normal', learner: { id: null, name: null }, masteryScore: null, preferredLang: null, notices: [] },
  });
  await tracker.start();
  await vi.advanceTimersByTimeAsync(1_000);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('xAPI tracker: the end of a session', () => {
  it('Exit waits for the state write on the wire, writes the last state, then sends terminated last, then goes back', async () => {
    lrs.holdStates = true;
    tracker.visitPage(snap('p1'));
    tracker.setResult({ scorePercent: 100, passed: true, completed: true, final: true }, snap('p1'));
    tracker.leave!('normal', snap('p2'));
    await vi.advanceTimersByTimeAsync(500);
    expect(lrs.log.filter((l) => l.includes('terminated'))).toEqual([]);
    expect(assigned).toEqual([]);
    lrs.holdStates = false;
    lrs.release();
    await vi.advanceTimersByTimeAsync(500);
    // The earlier statements may go while the state waits; terminated only after the last state.
    expect(lrs.log.filter((l) => l.startsWith('state '))).toEqual(['state p1', 'state p2']);
    expect(lrs.log.filter((l) => l.includes('terminated'))).toHaveLength(1);
    expect(lrs.log.at(-1)).toMatch(/terminated \(keepalive\)$/);
    expect(lrs.log.indexOf('state p2')).toBeLessThan(lrs.log.length - 1);
    expect(assigned).toEqual(['https://lms.example.org/back']);
  });

  it('after the session ends, nothing more is recorded or written', async () => {
    tracker.finish('suspend', snap('p1'));
    await vi.advanceTimersByTimeAsync(1_000);
    const atEnd = [...lrs.log];
    expect(atEnd.filter((l) => l.includes('terminated'))).toHaveLength(1);
    tracker.save(snap('p2'));
    tracker.visitPage(snap('p3'));
    tracker.finish('normal', snap('p3'));
    tracker.leave!('normal', snap('p3'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(lrs.log).toEqual(atEnd);
  });
});
