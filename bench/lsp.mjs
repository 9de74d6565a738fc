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
  const publishes = notificationLog(connection, 'textDocument/publishDiagnostics', 'diagnostics', () => stderr);
  const published = publishes.entries;
  // Sent once every layer of a version has finished and its findings are published.
  const finishes = notificationLog(connection, 'specgate/analysisFinished', 'analysisFinished', () => stderr);
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
    /** Resolves with the first publish still to come matching `predicate`. */
    waitFor: (predicate, timeoutMs) => publishes.waitFor(predicate, { timeoutMs }),
    /** Resolves with the first `specgate/analysisFinished` (already received or still to come) matching `predicate`. */
    waitForFinished: (predicate, timeoutMs) => finishes.waitFor(predicate, { past: true, timeoutMs }),
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

/** Every `method` notification with its arrival time, and waits for the first one matching a predicate. */
function notificationLog(connection, method, what, stderr) {
  const entries = [];
  const waiters = [];
  connection.onNotification(method, (params) => {
    const entry = { at: performance.now(), params };
    entries.push(entry);
    for (const w of [...waiters]) if (w.predicate(entry)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(entry); }
  });
  return {
    entries,
    /** The first entry matching `predicate` still to come; with `past`, also one already received. */
    waitFor(predicate, { past = false, timeoutMs = 600_000 } = {}) {
      const seen = past ? entries.find(predicate) : undefined;
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${stderr().slice(-2000)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (e) => { clearTimeout(timer); resolve(e); } });
      });
    },
  };
}
