// The actor a launch hands us (cmi5 `actor`, Tin Can `actor`), validated and reduced to a clean
// xAPI Agent: one inverse functional identifier, an optional name, nothing else. Tin Can LMSs may
// still send the 0.9 shape (arrays, accountServiceHomePage/accountName): that is normalised too.
import type { Agent } from '@xapi/xapi';

type Json = Record<string, unknown>;
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

export function parseActor(raw: string | null): Agent | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const a = value as Json;
  if (a.objectType !== undefined && a.objectType !== 'Agent') return null;
  const name = text(first(a.name));
  const named = name ? { name } : {};
  const mbox = text(first(a.mbox));
  if (mbox) return /^mailto:[^@\s]+@[^@\s]+$/.test(mbox) ? ({ objectType: 'Agent', ...named, mbox } as Agent) : null;
  const sha = text(first(a.mbox_sha1sum));
  if (sha) return /^[0-9a-f]{40}$/i.test(sha) ? ({ objectType: 'Agent', ...named, mbox_sha1sum: sha } as Agent) : null;
  const openid = text(first(a.openid));
  if (openid) return /^https?:\/\/\S+$/.test(openid) ? ({ objectType: 'Agent', ...named, openid } as Agent) : null;
  const account = first(a.account) as Json | undefined;
  if (account && typeof account === 'object') {
    const homePage = text(account.homePage ?? account.accountServiceHomePage);
    const accountName = text(account.name ?? account.accountName);
    if (homePage && accountName && /^[a-z][a-z0-9+.-]*:\S+$/i.test(homePage)) return { objectType: 'Agent', ...named, account: { homePage, name: accountName } } as Agent;
  }
  return null;
}

/** SCORM: an account agent from the LMS's learner id and the home page set in course.json. */
export function accountAgent(homePage: string, learnerId: string): Agent {
  return { objectType: 'Agent', account: { homePage, name: learnerId } } as Agent;
}

/** A stable learner id for the certificate: the account name, or the mailbox, or the hash. */
export function agentId(agent: Agent): string | null {
  const a = agent as { account?: { name: string }; mbox?: string; mbox_sha1sum?: string; openid?: string };
  return a.account?.name ?? a.mbox?.replace(/^mailto:/, '') ?? a.mbox_sha1sum ?? a.openid ?? null;
}
