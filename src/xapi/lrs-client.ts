// The LRS connection, on @xapi/xapi. It is imported lazily: the first page never waits for it, and
// packages without an LRS never load it. Our own fetch adapter keeps the HTTP status (the outbox
// decides on it), adds keepalive for pagehide, a timeout for slow answers, and sends
// X-Experience-API-Version: 1.0.3 on every request (set by @xapi/xapi).
import type XAPI from '@xapi/xapi';
import type { Agent, Statement } from '@xapi/xapi';
import type { LrsAnswer, StatementTransport } from './outbox';
import { postStatementsNow, putStateNow, type DocumentAddress, type LrsConfig } from './lrs-fetch';

export type { DocumentAddress, LrsConfig };

/** A custom HTTP adapter, as @xapi/xapi's public constructor takes it. */
type AdapterFunction = Extract<NonNullable<ConstructorParameters<typeof XAPI>[0]['adapter']>, (...args: never[]) => unknown>;


export interface LrsClient extends StatementTransport {
  getState(at: DocumentAddress): Promise<{ status: number; data: unknown }>;
  putState(at: DocumentAddress, document: unknown, options: { keepalive: boolean }): Promise<number>;
  getAgentProfile(agent: Agent, profileId: string): Promise<{ status: number; data: unknown }>;
}

function fetchAdapter(config: LrsConfig, keepalive: boolean): AdapterFunction {
  return (async ({ url, method, headers, data }) => {
    const h: Record<string, string> = { ...headers };
    // @xapi/xapi puts an empty Basic credential when none is given: send no header instead.
    if (!config.auth) delete h.Authorization;
    if (method === 'GET') delete h['Content-Type'];
    const controller = keepalive ? null : new AbortController();
    const timer = controller ? setTimeout(() => controller.abort(), config.timeoutMs ?? 20_000) : null;
    try {
      const res = await fetch(url, {
        method,
        headers: h,
        body: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
        keepalive,
        signal: controller?.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : text;
      } catch {
        // not JSON: keep the text (an error message)
      }
      return { data: parsed, headers: Object.fromEntries(res.headers.entries()), status: res.status };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }) as AdapterFunction;
}

let library: Promise<{ default: typeof XAPI }> | null = null;

/** Starts loading @xapi/xapi (its own chunk) without waiting for it. */
export function preloadLrsLibrary(): Promise<{ default: typeof XAPI }> {
  // The build resolves it to the library's ES module build (build/bundle/vite-build.ts, libraryAliases).
  library ??= import('@xapi/xapi');
  return library;
}

export async function loadLrsClient(config: LrsConfig): Promise<LrsClient> {
  const { default: XAPIClient } = await preloadLrsLibrary();
  const make = (keepalive: boolean) => new XAPIClient({ endpoint: config.endpoint, auth: config.auth ?? undefined, version: '1.0.3', adapter: fetchAdapter(config, keepalive) });
  const normal = make(false);
  const exit = make(true);
  const state = (at: DocumentAddress) => ({ activityId: at.activityId, agent: at.agent, stateId: at.stateId, ...(at.registration && { registration: at.registration }) });
  return {
    async send(statements: Statement[], { keepalive }): Promise<LrsAnswer> {
      const r = await (keepalive ? exit : normal).sendStatements({ statements });
      return { status: r.status, body: typeof r.data === 'string' ? r.data : JSON.stringify(r.data ?? '') };
    },
    async getState(at) {
      const r = await normal.getState(state(at));
      return { status: r.status, data: r.data };
    },
    async putState(at, document, { keepalive }) {
      const r = await (keepalive ? exit : normal).setState({ ...state(at), state: document as Record<string, unknown>, contentType: 'application/json' });
      return r.status;
    },
    async getAgentProfile(agent, profileId) {
      const r = await normal.getAgentProfile({ agent, profileId });
      return { status: r.status, data: r.data };
    },
  };
}

/** The client, its library loaded only when first used, or sooner with preload() (on idle after the
 *  first screen): a launch's first screen never waits for it. */
export function lazyLrsClient(config: LrsConfig): LrsClient & { preload(): void } {
  let real: Promise<LrsClient> | null = null;
  let loaded: LrsClient | null = null;
  const client = () => (real ??= loadLrsClient(config).then((c) => (loaded = c)));
  return {
    preload: () => void client().catch(() => undefined),
    // A learner who leaves before the library has loaded: keepalive writes go at once with fetch
    // alone, since a page being dismissed will not wait for an import.
    send: (statements, options) => (options.keepalive && !loaded ? postStatementsNow(config, statements) : client().then((c) => c.send(statements, options))),
    getState: async (at) => (await client()).getState(at),
    putState: (at, document, options) => (options.keepalive && !loaded ? putStateNow(config, at, document) : client().then((c) => c.putState(at, document, options))),
    getAgentProfile: async (agent, profileId) => (await client()).getAgentProfile(agent, profileId),
  };
}
