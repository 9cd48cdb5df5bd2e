// What the outbox keeps in localStorage: the statements not yet stored by the LRS, in order, and
// those set aside (refused, or left from a finished session) with the reason. When storage is full
// it keeps the oldest statements, the ones the LRS is waiting for in order, and says so once.
import type { Statement } from '@xapi/xapi';

export interface SetAside { statement: Statement; status: number; reason: string; at: string }

interface Stored { pending: Statement[]; setAside: SetAside[] }

const MAX_SET_ASIDE = 50;

export interface OutboxStore {
  queue: Statement[];
  readonly aside: SetAside[];
  /** Writes queue and set-aside list; false when storage could not hold the whole queue. */
  persist(): boolean;
  remove(sent: readonly Statement[]): void;
  setAside(statement: Statement, status: number, reason: string): void;
}

export function openOutboxStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null, key: string, maxChars: number): OutboxStore {
  let queue: Statement[] = [];
  let aside: SetAside[] = [];
  try {
    const raw = storage?.getItem(key);
    if (raw) {
      const parsed = JSON.parse(raw) as Partial<Stored>;
      queue = Array.isArray(parsed.pending) ? parsed.pending : [];
      aside = Array.isArray(parsed.setAside) ? parsed.setAside : [];
    }
  } catch {
    // unreadable storage: start empty rather than fail the course
  }
  return {
    get queue() {
      return queue;
    },
    set queue(q) {
      queue = q;
    },
    get aside() {
      return aside;
    },
    persist() {
      if (!storage) return true;
      let keep = queue;
      for (;;) {
        const json = JSON.stringify({ pending: keep, setAside: aside } satisfies Stored);
        if (json.length <= maxChars) {
          try {
            storage.setItem(key, json);
            return keep.length === queue.length;
          } catch {
            // quota exceeded: keep fewer below
          }
        }
        if (!keep.length) return false;
        // Keep the oldest: they are the ones the LRS is waiting for in order.
        keep = keep.slice(0, Math.floor(keep.length / 2));
      }
    },
    remove(sent) {
      const ids = new Set(sent.map((s) => s.id));
      queue = queue.filter((s) => !ids.has(s.id));
    },
    setAside(statement, status, reason) {
      aside = [...aside, { statement, status, reason, at: new Date().toISOString() }].slice(-MAX_SET_ASIDE);
    },
  };
}
