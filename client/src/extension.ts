import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerApisView, type ApisView } from './apisView';

let client: LanguageClient | undefined;

interface StatusParams { uri: string; errors: number; warnings: number; total: number }
/** `specgate/baseline`: the git baseline of one spec and the changes against it. */
interface BaselineParams {
  uri: string; ref: string; revision?: string; state: string; message?: string;
  breaking: number; potentiallyBreaking: number; nonBreaking: number; semver?: string;
}

/** A thin client: starts the server, forwards settings and trust, shows status, forwards commands. */
export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; statusBar: vscode.StatusBarItem; apis: ApisView }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', pattern: '**/CODEOWNERS' },
      // Guides are checked against the workspace's APIs: Markdown only where there are API descriptions.
      ...((await holdsApiDescriptions()) ? [{ scheme: 'file', language: 'markdown' }] : []),
    ],
    synchronize: {
      configurationSection: 'specgate',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.spectral.*,*.yaml,*.yml,*.json,*.js,CODEOWNERS}'),
    },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('specgate'),
      trusted: vscode.workspace.isTrusted,
    },
  };
  client = new LanguageClient('specgate', 'Specgate', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.name = 'Specgate';
  status.command = 'specgate.showReport';
  status.text = '$(shield) Specgate';
  status.tooltip = 'Specgate: show the breaking-change report';
  context.subscriptions.push(status);

  const lastStatus = new Map<string, StatusParams>();
  const lastBaseline = new Map<string, BaselineParams>();
  const renderStatus = () => {
    const editor = vscode.window.activeTextEditor;
    const key = editor?.document.uri.toString();
    const params = key ? lastStatus.get(key) : undefined;
    const baseline = key ? lastBaseline.get(key) : undefined;
    if (!params && !baseline) {
      status.hide();
      return;
    }
    const parts = ['$(shield) Specgate'];
    if (params) parts.push(`${params.errors ? `$(error) ${params.errors} ` : ''}$(warning) ${params.warnings}`);
    const tooltip = [params ? `Specgate: ${params.total} finding(s) in this spec.` : 'Specgate'];
    if (baseline) {
      if (baseline.state === 'ok') {
        const rev = baseline.revision ? ` (${baseline.revision.slice(0, 7)})` : '';
        parts.push(`$(git-compare) ${baseline.ref}: ${baseline.breaking} breaking, ${baseline.potentiallyBreaking} potentially`);
        tooltip.push(`Against ${baseline.ref}${rev}: ${baseline.breaking} breaking, ${baseline.potentiallyBreaking} potentially breaking, ` +
          `${baseline.nonBreaking} non-breaking change(s)${baseline.semver ? `; needs a ${baseline.semver} version bump` : ''}.`);
      } else {
        parts.push(`$(git-compare) ${baseline.ref}: no baseline`);
        tooltip.push(baseline.message ?? `No baseline at ${baseline.ref}.`);
      }
    }
    tooltip.push('Click to show the breaking-change report.');
    status.text = parts.join(' ');
    status.tooltip = tooltip.join('\n');
    status.show();
  };

  context.subscriptions.push(
    // specgate.lintNow is registered by vscode-languageclient from the server's executeCommandProvider (it forwards
    // workspace/executeCommand; without arguments the server lints every open spec). Registering it here as well
    // made client.start() fail with "command 'specgate.lintNow' already exists" (found by the e2e suite).
    vscode.commands.registerCommand('specgate.restartServer', async () => client?.restart()),
    // The server computes every non-breaking naming fix and sends workspace/applyEdit with a change annotation
    // that needs confirmation, so VS Code shows the refactor preview before anything is applied.
    vscode.commands.registerCommand('specgate.fixNamingInWorkspace', async () => {
      const result = (await client?.sendRequest('workspace/executeCommand', { command: 'specgate.server.fixNamingInWorkspace', arguments: [] })) as
        { fixes: number; applied: boolean; failureReason?: string } | null | undefined;
      if (result && !result.applied) void vscode.window.showInformationMessage(`Specgate: ${result.failureReason ?? 'the naming fixes were not applied.'}`);
    }),
    vscode.commands.registerCommand('specgate.showReport', () => showReport()),
    vscode.window.onDidChangeActiveTextEditor(renderStatus),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('specgate/setTrusted', { trusted: true })),
  );

  await client.start();
  const apis = registerApisView(context, client);
  context.subscriptions.push(
    client.onNotification('specgate/status', (params: StatusParams) => {
      lastStatus.set(params.uri, params);
      renderStatus();
    }),
    client.onNotification('specgate/baseline', (params: BaselineParams) => {
      lastBaseline.set(params.uri, params);
      renderStatus();
    }),
  );
  // Returned for extensions and tests that read the views (the e2e suite checks the APIs view).
  return { client, statusBar: status, apis };
}

/**
 * "Specgate: Show breaking-change report": the server writes the report (`specgate.report` → `{ markdown }`)
 * for the active spec; it opens as a markdown preview. Returns the report document (used by the e2e suite).
 */
async function showReport(): Promise<vscode.TextDocument | undefined> {
  if (!client) return undefined;
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const result = (await client.sendRequest('workspace/executeCommand', { command: 'specgate.report', arguments: uri ? [uri] : [] })) as
    { markdown?: string } | null | undefined;
  if (!result || typeof result.markdown !== 'string') {
    void vscode.window.showWarningMessage('Specgate: the language server returned no report.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  } catch {
    await vscode.window.showTextDocument(doc, { preview: true }); // no markdown extension: the text is readable too
  }
  return doc;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Whether the workspace holds an OpenAPI description (looked up once, at activation). */
async function holdsApiDescriptions(): Promise<boolean> {
  const candidates = await vscode.workspace.findFiles('**/*.{yaml,yml,json}', '**/node_modules/**', 200);
  for (const uri of candidates) {
    const head = Buffer.from(await vscode.workspace.fs.readFile(uri)).subarray(0, 4096).toString('utf8');
    if (/^\s*["']?(openapi|swagger)["']?\s*:/m.test(head)) return true;
  }
  return false;
}
