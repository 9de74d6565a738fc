import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { AnalysisWorkerHost, type AnalysisRelay } from '../../server/src/node/analysisWorkerHost';
import { mergeSettings } from '../../server/src/engine/settings';

/** A stand-in analysis thread: answers like the real one, or dies on a marked text (as on running out of memory). */
const SCRIPT = `
const { parentPort } = require('worker_threads');
parentPort.on('message', (m) => {
  if (m.type !== 'analyze') return;
  if (m.text.includes('DIE')) throw new Error('simulated out of memory');
  parentPort.postMessage({ type: 'publish', uri: m.uri, version: m.version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'found', code: 'x' }] });
  parentPort.postMessage({ type: 'finished', uri: m.uri, version: m.version });
});
`;

function recorder(versions: Map<string, number>) {
  const events: Array<{ kind: string; uri: string; version?: number; diagnostics?: Diagnostic[] }> = [];
  const waiters: Array<() => void> = [];
  const push = (e: (typeof events)[number]) => { events.push(e); for (const w of [...waiters]) w(); };
  const relay: AnalysisRelay = {
    openVersion: (uri) => versions.get(uri),
    publish: (uri, diagnostics, version) => push({ kind: 'publish', uri, version, diagnostics }),
    status: () => undefined,
    baseline: () => undefined,
    finished: (uri, version) => push({ kind: 'finished', uri, version }),
    notify: () => undefined,
    log: () => undefined,
  };
  const finished = (uri: string, version: number) => new Promise<void>((resolve) => {
    const check = () => { if (events.some((e) => e.kind === 'finished' && e.uri === uri && e.version === version)) { waiters.splice(waiters.indexOf(check), 1); resolve(); } };
    waiters.push(check);
    check();
  });
  return { relay, events, finished };
}

async function stubScript(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-analysis-host-'));
  const file = path.join(dir, 'worker.js');
  await fs.writeFile(file, SCRIPT);
  return file;
}

test('only texts above the threshold are accepted, and only once configured', async () => {
  const host = new AnalysisWorkerHost(recorder(new Map()).relay, await stubScript());
  assert.equal(host.accepts('x'.repeat(5000)), false, 'not configured yet');
  host.configure(mergeSettings({ backgroundAnalysisThresholdKB: 4 }), [], true);
  assert.equal(host.accepts('x'.repeat(4096)), false);
  assert.equal(host.accepts('x'.repeat(4097)), true);
  host.dispose();
});

test('results are relayed for the current version only, each with the background note; the note comes first, at once', async () => {
  const versions = new Map([['file:///a.yaml', 1]]);
  const { relay, events, finished } = recorder(versions);
  const host = new AnalysisWorkerHost(relay, await stubScript());
  host.configure(mergeSettings({ backgroundAnalysisThresholdKB: 1 }), [], true);
  host.analyze('file:///a.yaml', { text: 'a'.repeat(2000), version: 1 }, false);
  assert.deepEqual(events[0].diagnostics!.map((d) => d.code), ['specgate-background-analysis']);
  await finished('file:///a.yaml', 1);
  const relayed = events.filter((e) => e.kind === 'publish').at(-1)!;
  assert.deepEqual(relayed.diagnostics!.map((d) => d.code), ['specgate-background-analysis', 'x']);
  assert.match(String(relayed.diagnostics![0].message), /2 KB|0\.0 MB/);

  // The editor moved on to version 3 while version 2 was analysed: version 2's results are dropped.
  host.analyze('file:///a.yaml', { text: 'a'.repeat(2000), version: 2 }, false);
  versions.set('file:///a.yaml', 3);
  host.analyze('file:///a.yaml', { text: 'b'.repeat(2000), version: 3 }, false);
  await finished('file:///a.yaml', 3);
  assert.ok(!events.some((e) => e.version === 2), 'nothing of version 2 reached the editor');
  host.dispose();
});

test('a thread that dies leaves a clear diagnostic and a finished signal, and the next analysis starts a new thread', async () => {
  const versions = new Map([['file:///big.yaml', 1]]);
  const { relay, events, finished } = recorder(versions);
  const host = new AnalysisWorkerHost(relay, await stubScript());
  host.configure(mergeSettings({ backgroundAnalysisThresholdKB: 1 }), [], true);
  host.analyze('file:///big.yaml', { text: 'DIE'.repeat(1000), version: 1 }, false);
  await finished('file:///big.yaml', 1);
  const failure = events.filter((e) => e.kind === 'publish').at(-1)!;
  assert.equal(failure.diagnostics!.length, 1);
  assert.equal(failure.diagnostics![0].code, 'specgate-background-analysis');
  assert.equal(failure.diagnostics![0].severity, 2);
  assert.match(String(failure.diagnostics![0].message), /simulated out of memory/);

  versions.set('file:///big.yaml', 2);
  host.analyze('file:///big.yaml', { text: 'ok'.repeat(1000), version: 2 }, false);
  await finished('file:///big.yaml', 2);
  assert.deepEqual(events.filter((e) => e.kind === 'publish' && e.version === 2).at(-1)!.diagnostics!.map((d) => d.code), ['specgate-background-analysis', 'x']);
  host.dispose();
});
