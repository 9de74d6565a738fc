import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

interface StatusParams { uri: string; errors: number; warnings: number; total: number }

/** A thin client: starts the server, forwards settings and trust, shows status, forwards commands. */
export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
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
    ],
    synchronize: {
      configurationSection: 'specgate',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.spectral.*,*.yaml,*.yml,*.json,*.js}'),
    },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('specgate'),
      trusted: vscode.workspace.isTrusted,
    },
  };
  client = new LanguageClient('specgate', 'Specgate', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.name = 'Specgate';
  status.command = 'specgate.lintNow';
  status.text = '$(shield) Specgate';
  status.tooltip = 'Specgate: lint the open specs now';
  context.subscriptions.push(status);

  const lastStatus = new Map<string, StatusParams>();
  const renderStatus = () => {
    const editor = vscode.window.activeTextEditor;
    const params = editor ? lastStatus.get(editor.document.uri.toString()) : undefined;
    if (!params) {
      status.hide();
      return;
    }
    status.text = `$(shield) Specgate ${params.errors ? `$(error) ${params.errors} ` : ''}$(warning) ${params.warnings}`;
    status.tooltip = `Specgate: ${params.total} finding(s) in this spec. Click to lint now.`;
    status.show();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('specgate.lintNow', async () => {
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      await client?.sendRequest('workspace/executeCommand', { command: 'specgate.lintNow', arguments: uri ? [uri] : [] });
    }),
    vscode.commands.registerCommand('specgate.restartServer', async () => client?.restart()),
    vscode.window.onDidChangeActiveTextEditor(renderStatus),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('specgate/setTrusted', { trusted: true })),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification('specgate/status', (params: StatusParams) => {
      lastStatus.set(params.uri, params);
      renderStatus();
    }),
  );
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
