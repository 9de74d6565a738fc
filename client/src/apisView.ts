import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** One API as the server's `specgate/apis` request returns it. */
interface ApiSummary {
  name: string; uri?: string; title?: string; owner?: string; lifecycle?: string;
  consumers: Array<{ name: string; owner?: string }>; errors: number; warnings: number; breaking?: number;
}

/**
 * The "APIs" view: every API of the workspace with its owner, findings and breaking changes against
 * the baseline. Clicking opens the description. Refreshes (debounced) whenever the server publishes
 * a status, and on the refresh command.
 */
export class ApisView implements vscode.TreeDataProvider<ApiSummary> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(delay = 500): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), delay);
  }

  async getChildren(element?: ApiSummary): Promise<ApiSummary[]> {
    if (element) return [];
    try {
      return (await this.client.sendRequest<ApiSummary[]>('specgate/apis')) ?? [];
    } catch {
      return [];
    }
  }

  getTreeItem(api: ApiSummary): vscode.TreeItem {
    const item = new vscode.TreeItem(api.name, vscode.TreeItemCollapsibleState.None);
    const breaking = api.breaking === undefined ? '' : ` · ${api.breaking} breaking`;
    item.description = `${api.owner ?? 'no owner'} · ${api.errors} errors, ${api.warnings} warnings${breaking}`;
    const consumers = api.consumers.map((c) => (c.owner ? `${c.name} (${c.owner})` : c.name)).join(', ') || 'none recorded';
    item.tooltip = `${api.title ?? api.name}\nOwner: ${api.owner ?? 'unknown'}${api.lifecycle ? `\nLifecycle: ${api.lifecycle}` : ''}\nConsumers: ${consumers}`;
    item.iconPath = new vscode.ThemeIcon(api.breaking ? 'warning' : 'symbol-interface');
    if (api.uri) {
      item.resourceUri = vscode.Uri.parse(api.uri);
      item.command = { command: 'vscode.open', title: 'Open API description', arguments: [vscode.Uri.parse(api.uri)] };
    }
    return item;
  }
}

export function registerApisView(context: vscode.ExtensionContext, client: LanguageClient): ApisView {
  const view = new ApisView(client);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('specgate.apis', view),
    vscode.commands.registerCommand('specgate.refreshApis', () => view.refresh(0)),
    client.onNotification('specgate/status', () => view.refresh()),
  );
  return view;
}
