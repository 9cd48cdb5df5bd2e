// The embedded analytical database the insights are computed in: DuckDB, in a file in the run's
// temporary folder rather than in memory, because a file-backed table is stored compressed (a
// region's 14 million statements take about an eighth of the room they would as an in-memory
// table), and DuckDB then keeps within its memory cap by reading blocks back as it needs them.
import { appendFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface Db {
  run(sql: string): Promise<void>;
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): void;
}

/** Connections with a query that may be running, so a Ctrl-C can stop them (cli.ts). */
const open = new Set<DuckDBConnection>();
export const interruptQueries = () => open.forEach((c) => c.interrupt());

export async function openDb(tempDir: string): Promise<Db> {
  const instance = await DuckDBInstance.create(join(tempDir, 'insights.duckdb'), { threads: String(availableParallelism()), memory_limit: '600MB', temp_directory: tempDir, preserve_insertion_order: 'false' });
  const conn: DuckDBConnection = await instance.connect();
  // Nothing may depend on the machine's zone: a time without an offset is UTC, and every date is
  // written in a zone named in the query (queries.ts, dayIn).
  const run = async (sql: string) => void (await traced(sql, () => conn.run(sql)));
  await run(`SET TimeZone = 'UTC'`);
  open.add(conn);
  return {
    run,
    // JSON-safe values: BIGINT counts arrive as strings, so convert numbers where read.
    rows: async <T>(sql: string) => (await traced(sql, () => conn.runAndReadAll(sql))).getRowObjectsJson() as T[],
    close: () => {
      open.delete(conn);
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** INSIGHTS_TRACE=1 prints each query's time, to see where a slow run spends it. INSIGHTS_SQL=FILE
 *  appends every statement run to FILE: the whole computation as one SQL script, to run elsewhere
 *  (docs/insights.md, past one machine). */
async function traced<T>(sql: string, run: () => Promise<T>): Promise<T> {
  if (process.env.INSIGHTS_SQL) appendFileSync(process.env.INSIGHTS_SQL, `${sql.trim().replace(/;$/, '')};\n\n`);
  if (!process.env.INSIGHTS_TRACE) return run();
  const t0 = performance.now();
  const r = await run();
  console.error(`${(performance.now() - t0).toFixed(0).padStart(7)} ms  ${sql.replace(/\s+/g, ' ').trim().slice(0, 90)}`);
  return r;
}

/** A string as a SQL literal. */
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const sqlList = (list: string[]) => (list.length ? list.map(sqlString).join(', ') : 'NULL');
