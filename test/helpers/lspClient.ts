import { spawn, ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Diagnostic,
} from 'vscode-languageserver-protocol/node';

export const SERVER_JS = path.resolve(__dirname, '../../../dist/server.js');

export interface LspSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  stderr: () => string;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  notifications: Array<{ method: string; params: unknown }>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  close(uri: string): void;
  /** workspace/didChangeWatchedFiles, as a watching editor sends it (type 1 created, 2 changed, 3 deleted). */
  changeWatchedFiles(changes: Array<{ uri: string; type: 1 | 2 | 3 }>): void;
  /** Capabilities the server registered dynamically (client/registerCapability). */
  registrations: Array<{ method: string; registerOptions?: unknown }>;
  /** Resolves with the first publish for `uri` (after this call) that satisfies `predicate`. */
  waitForDiagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Resolves once the server sent `specgate/analysisFinished` for `uri` at `version` (also if it already has). */
  waitForAnalysis(uri: string, version: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the first notification of `method` (after this call) that satisfies `predicate`. */
  waitForNotification(method: string, predicate?: (params: any) => boolean, timeoutMs?: number): Promise<unknown>;
  shutdown(): Promise<void>;
}

/** Spawns `node dist/server.js --stdio` and speaks LSP to it as an editor does. */
export async function startServer(options: {
  rootUri?: string;
  settings?: Record<string, unknown>;
  trusted?: boolean;
  configurationCapability?: boolean;
  /** Declare dynamic registration of watched files, as VS Code does. */
  watchFiles?: boolean;
  /** Ask the server for `specgate/trace` notifications (internal events such as baseline checks). */
  trace?: boolean;
  /** Extra client capabilities, merged per section (e.g. codeAction resolveSupport, window.workDoneProgress). */
  capabilities?: { workspace?: object; textDocument?: object; window?: object };
} = {}): Promise<LspSession> {
  // e.g. SPECGATE_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under a test.
  const nodeArgs = (process.env.SPECGATE_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const notifications: Array<{ method: string; params: unknown }> = [];
  const waiters: Array<{ uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.predicate(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  const analysisWaiters: Array<() => void> = [];
  const notificationWaiters: Array<{ method: string; predicate: (params: any) => boolean; resolve: (params: unknown) => void }> = [];
  for (const method of ['window/showMessage', 'window/logMessage', 'specgate/status', 'specgate/baseline', 'specgate/analysisFinished', 'specgate/trace']) {
    connection.onNotification(method, (params: unknown) => {
      notifications.push({ method, params });
      for (const check of [...analysisWaiters]) check();
      for (const w of [...notificationWaiters]) {
        if (w.method === method && w.predicate(params)) {
          notificationWaiters.splice(notificationWaiters.indexOf(w), 1);
          w.resolve(params);
        }
      }
    });
  }
  connection.onRequest('workspace/configuration', () => [options.settings ?? {}]);
  const registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null,
    capabilities: {
      workspace: {
        configuration: options.configurationCapability ?? true,
        workspaceFolders: true,
        ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
        ...options.capabilities?.workspace,
      },
      textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true }, synchronization: { didSave: true }, ...options.capabilities?.textDocument },
      window: options.capabilities?.window,
    },
    initializationOptions: { settings: options.settings ?? {}, trusted: options.trusted ?? true, trace: options.trace ?? false },
  });
  await connection.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  return {
    connection,
    process: child,
    stderr: () => stderr,
    published,
    notifications,
    registrations,
    changeWatchedFiles(changes) {
      void connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    },
    open(uri, text, languageId = uri.endsWith('.json') ? 'json' : 'yaml', version = 1) {
      versions.set(uri, version);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, text) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    close(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    waitForDiagnostics(uri, predicate = () => true, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri).map((p) => ({ v: p.version, codes: p.diagnostics.map((d) => d.code) })))}\nstderr: ${stderr}`)), timeoutMs);
        waiters.push({ uri, predicate, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    waitForAnalysis(uri, version, timeoutMs = 30_000) {
      const finished = () => notifications.some((n) => n.method === 'specgate/analysisFinished'
        && (n.params as { uri: string; version: number }).uri === uri && (n.params as { version: number }).version === version);
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!finished()) return;
          analysisWaiters.splice(analysisWaiters.indexOf(check), 1);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          analysisWaiters.splice(analysisWaiters.indexOf(check), 1);
          reject(new Error(`no specgate/analysisFinished for ${uri} v${version} within ${timeoutMs} ms\nstderr: ${stderr}`));
        }, timeoutMs);
        analysisWaiters.push(check);
        check();
      });
    },
    waitForNotification(method, predicate = () => true, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${method} notification within ${timeoutMs} ms\nstderr: ${stderr}`)), timeoutMs);
        notificationWaiters.push({ method, predicate, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    async shutdown() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch { /* already gone */ }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 2000);
          child.once('exit', () => { clearTimeout(t); resolve(); });
        });
      }
    },
  };
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}
