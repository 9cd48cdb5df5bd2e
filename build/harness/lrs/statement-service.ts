// Learning Locker's statement service (npm xapi-statements) wired with in-memory repositories and
// no Mongo, Redis or S3: statements are validated and stored by Learning Locker's own code. It asks
// `clientInfoUrl` who the Authorization header belongs to (our front answers).
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);

export interface StatementService { url: string; close(): Promise<void> }

export async function startStatementService(clientInfoUrl: string): Promise<StatementService> {
  process.env.WINSTON_CONSOLE_LEVEL ??= 'error';
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
  const dist = 'xapi-statements/dist';
  const express = require('express') as () => import('node:http').RequestListener & { use: (...a: unknown[]) => void; listen: (...a: unknown[]) => Server };
  const config = require(`${dist}/config`).default;
  const repoFacade = require(`${dist}/repo/facade`).default;
  const service = require(`${dist}/service`).default;
  const presenter = require(`${dist}/expressPresenter`).default;
  const translator = require(`${dist}/translatorFactory`).default();
  const logger = require(`${dist}/logger`).default;
  const tracker = require(`${dist}/tracker`).default;
  const routes = require(`${dist}/utils/constants`);
  const storageDir = mkdtempSync(join(tmpdir(), 'lrs-'));
  const repo = repoFacade({
    auth: { facade: 'fetch', fetch: { llClientInfoEndpoint: clientInfoUrl } },
    events: { facade: 'test' },
    models: { facade: 'memory', memory: { state: { fullActivities: [], statements: [] } } },
    storage: { facade: 'local', local: { storageDir } },
  });
  const svc = service({ repo, tracker, logger, ...config.service, awaitUpdates: true });
  const p = presenter({
    llClientInfoEndpoint: clientInfoUrl, customRoute: 'status', customRouteText: 'ok', morganDirectory: join(storageDir, 'logs'),
    bodyParserLimit: '5mb', service: svc, tracker, translator, logger,
  });
  const app = express();
  app.use(routes.aboutRoute, p.aboutRouter);
  app.use(routes.statementsRoute, p.statementsRouter);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
