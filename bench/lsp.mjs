// A minimal LSP client over stdio for the bench: spawns `node dist/server.js --stdio` as an editor would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export const SERVER_JS = new URL('../dist/server.js', import.meta.url).pathname;

export async function startServer({ rootUri, settings = {} }) {
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. --cpu-prof --cpu-prof-dir=/tmp/p
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  const published = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const entry = { at: performance.now(), params };
    published.push(entry);
    for (const w of [...waiters]) if (w.predicate(entry)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(entry); }
  });
  // Sent once every layer of a version has finished and its findings are published.
  const finished = [];
  const finishWaiters = [];
  connection.onNotification('specgate/analysisFinished', (params) => {
    const entry = { at: performance.now(), params };
    finished.push(entry);
    for (const w of [...finishWaiters]) if (w.predicate(entry)) { finishWaiters.splice(finishWaiters.indexOf(w), 1); w.resolve(entry); }
  });
  for (const m of ['window/showMessage', 'window/logMessage', 'specgate/status', 'specgate/baseline']) connection.onNotification(m, () => {});
  connection.onRequest('workspace/configuration', () => [settings]);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      // As VS Code: file watchers registered by the server (so it trusts file events and remembers
      // files that do not exist), and code actions resolved lazily (codeAction/resolve).
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true }, codeAction: { resolveSupport: { properties: ['edit'] } } },
      window: { workDoneProgress: true },
    },
    initializationOptions: { settings, trusted: true },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    pid: child.pid,
    published,
    stderr: () => stderr,
    /** Resolves with the first publish (already received at or after `since`, or future) matching `predicate`. */
    waitFor(predicate, timeoutMs = 600_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for diagnostics; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (e) => { clearTimeout(timer); resolve(e); } });
      });
    },
    /** Resolves with the first `specgate/analysisFinished` (already received or future) matching `predicate`. */
    waitForFinished(predicate, timeoutMs = 600_000) {
      const seen = finished.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for analysisFinished; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
        finishWaiters.push({ predicate, resolve: (e) => { clearTimeout(timer); resolve(e); } });
      });
    },
    /** Peak resident set size of the server process (VmHWM), in bytes; includes its worker threads. */
    peakRss() {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : NaN;
    },
    async shutdown() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
        await connection.sendNotification('exit');
      } catch { /* already gone */ }
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      connection.dispose();
    },
  };
}
