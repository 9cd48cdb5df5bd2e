// The cmi5 fetch URL (cmi5 §8.2): POSTed once per launch for the session's auth token. A reload
// of the same launch reuses the token kept in sessionStorage, because a second POST is refused.
export type TokenResult = { ok: true; token: string } | { ok: false; reason: string };

export function parseTokenAnswer(status: number, body: unknown): TokenResult {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (status === 200 && typeof b['auth-token'] === 'string' && b['auth-token']) return { ok: true, token: b['auth-token'] };
  if (typeof b['error-code'] === 'string' || typeof b['error-code'] === 'number') return { ok: false, reason: `error-code ${b['error-code']}: ${String(b['error-text'] ?? '')}` };
  return { ok: false, reason: `HTTP ${status}` };
}

export async function fetchAuthToken(fetchUrl: string): Promise<TokenResult> {
  const key = `cmi5-token:${fetchUrl}`;
  try {
    const kept = sessionStorage.getItem(key);
    if (kept) return { ok: true, token: kept };
  } catch {
    // no sessionStorage: fetch it
  }
  let result: TokenResult;
  try {
    const res = await fetch(fetchUrl, { method: 'POST', credentials: 'omit', cache: 'no-store' });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    result = parseTokenAnswer(res.status, body);
  } catch (e) {
    result = { ok: false, reason: String(e) };
  }
  if (result.ok) {
    try {
      sessionStorage.setItem(key, result.token);
    } catch {
      // kept for this page only
    }
  }
  return result;
}
