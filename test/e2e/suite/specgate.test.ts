// The user's path through Specgate in a real VS Code: open a committed spec, see style findings, make breaking
// edits, read the breaking-change hover, apply a naming quick fix, commit, and use the status bar and report.
import * as assert from 'assert';
import * as path from 'path';
import * as fs from 'fs';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { runConfig, requestScreenshot } from './runConfig';

const EXTENSION_ID = 'specgate.specgate';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (s: string) => console.log(`[e2e] ${s}`);

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Diagnostics from Specgate's server: its built-in rules (source specgate) and Spectral's (source spectral). */
const specgateDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'specgate' || d.source === 'spectral');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const show = (ds: vscode.Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`).join('\n  ');
const isBreakingHint = (d: vscode.Diagnostic) => /(Potentially breaking|Breaking) change/.test(d.message);
function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Specgate in a real VS Code extension host', function () {
  let doc: vscode.TextDocument;
  let folder: string;
  const config = runConfig();
  /** Line of the first `needle` in the document (0-based). */
  const lineOf = (needle: string) => {
    const i = doc.getText().indexOf(needle);
    assert.ok(i >= 0, `"${needle}" not in the document`);
    return doc.positionAt(i).line;
  };

  before(() => {
    const ws = vscode.workspace.workspaceFolders?.[0];
    assert.ok(ws, 'a workspace folder is open');
    folder = ws.uri.fsPath;
    log(`workspace ${folder}`);
  });

  it('1. opens the committed spec, and the packaged extension activates on it', async () => {
    doc = await vscode.workspace.openTextDocument(path.join(folder, 'openapi.yaml'));
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await waitFor('Specgate to activate', () => ext.isActive, 30_000);
    log(`Specgate ${ext.packageJSON.version} active from ${ext.extensionPath} in VS Code ${vscode.version}`);
    // The manifest: not activated by every YAML/JSON file, and installable on this VS Code.
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    assert.ok(!events.some((e) => /^onLanguage:(yaml|json)$|^\*$/.test(e)), `activationEvents: ${events.join(', ')}`);
    const minimum = /(\d+)\.(\d+)/.exec(ext.packageJSON.engines.vscode)!;
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(+minimum[1] < major || (+minimum[1] === major && +minimum[2] <= minor), `engines.vscode ${ext.packageJSON.engines.vscode} vs ${vscode.version}`);
    if (config?.expectVsix) {
      // The .vsix, not the development folder: no sources, the bundled server, the contributed grammar.
      assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'client', 'src')), 'running from the installed .vsix');
      assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', 'server.js')));
      assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'node_modules')), 'no node_modules in the package');
      assert.ok(fs.existsSync(path.join(ext.extensionPath, 'syntaxes', 'openapi.yaml.injection.tmLanguage.json')));
    }
  });

  it('2. shows the style-guide diagnostics (built-in style guide and Spectral)', async () => {
    const diags = await waitFor('the property-casing and operation-tags findings', () => {
      const ds = specgateDiagnostics(doc.uri);
      return ds.some((d) => codeOf(d) === 'specgate-property-casing') && ds.some((d) => codeOf(d) === 'operation-tags') ? ds : undefined;
    });
    log(`diagnostics:\n  ${show(diags)}`);
    const casing = diags.find((d) => codeOf(d) === 'specgate-property-casing')!;
    assert.strictEqual(casing.range.start.line, lineOf('delivery_note:'));
    assert.match(casing.message, /delivery_note.*deliveryNote/);
    // delivery_note is published in the committed spec: a legacy finding (issue 10), a hint that does not gate.
    assert.strictEqual(casing.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(casing.message, /Legacy: already published in HEAD/);
    // Spectral (spectral:oas, run in the server's worker thread) works from the package too.
    const tags = diags.find((d) => codeOf(d) === 'operation-tags')!;
    assert.strictEqual(tags.range.start.line, lineOf('post:'));
    assert.strictEqual(tags.source, 'spectral', 'Spectral findings say where they come from');
    assert.strictEqual(casing.source, 'specgate');
    assert.deepStrictEqual(diags.filter(isBreakingHint), [], 'no breaking hints before any edit');
  });

  it('3. edits with a WorkspaceEdit: lowers a request maxLength and removes a request enum value', async () => {
    const text = doc.getText();
    const edit = new vscode.WorkspaceEdit();
    const max = text.indexOf('maxLength: 255');
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(max), doc.positionAt(max + 'maxLength: 255'.length)), 'maxLength: 100');
    const en = text.indexOf('enum: [web, store, phone]');
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(en), doc.positionAt(en + 'enum: [web, store, phone]'.length)), 'enum: [web, store]');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    assert.ok(doc.getText().includes('maxLength: 100') && doc.getText().includes('enum: [web, store]'));
  });

  it('4. shows breaking-change hints on the changed nodes', async () => {
    const hints = await waitFor('two breaking hints', () => {
      const ds = specgateDiagnostics(doc.uri).filter(isBreakingHint);
      return ds.length >= 2 ? ds : undefined;
    });
    log(`breaking hints:\n  ${show(hints)}`);
    const maxHint = hints.find((d) => /max-length-decreased/.test(codeOf(d)));
    assert.ok(maxHint, 'a maxLength-decreased hint');
    assert.strictEqual(maxHint.range.start.line, lineOf('maxLength: 100'));
    assert.match(maxHint.message, /255/);
    assert.match(maxHint.message, /100/);
    const enumHint = hints.find((d) => /enum-value-removed/.test(codeOf(d)));
    assert.ok(enumHint, 'an enum-value-removed hint');
    assert.strictEqual(enumHint.range.start.line, lineOf('enum: [web, store]'));
    assert.match(enumHint.message, /phone/);
  });

  it('5. hover on the changed node says before → after', async () => {
    const line = lineOf('maxLength: 100');
    const position = new vscode.Position(line, doc.lineAt(line).firstNonWhitespaceCharacterIndex + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const text = hoverText(hovers);
    log(`hover:\n${text}`);
    assert.match(text, /Before → after/);
    assert.match(text, /255`?\s*→\s*`?100/);
    assert.match(text, /max-length-decreased/);
    if (config?.docsScreenshot) {
      // The documentation screenshot: the hover over the changed node, with the Problems panel listing the hints.
      for (const cmd of ['workbench.action.closeAuxiliaryBar', 'workbench.action.closeSidebar']) {
        await vscode.commands.executeCommand(cmd).then(undefined, () => undefined);
      }
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(doc, { preserveFocus: false });
      const editor = vscode.window.activeTextEditor!;
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
      await sleep(500);
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(1500);
      await requestScreenshot(path.basename(config.docsScreenshot), path.dirname(config.docsScreenshot));
      await vscode.commands.executeCommand('workbench.action.closePanel');
    }
  });

  it('6. the naming quick fix renames the property and the finding goes away', async () => {
    const casing = await waitFor('the casing finding', () => specgateDiagnostics(doc.uri).find((d) => codeOf(d) === 'specgate-property-casing'));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, casing.range, vscode.CodeActionKind.QuickFix.value, 20); // 20: resolve the lazy edits, as the lightbulb does on pick
    log(`code actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && /delivery_?[nN]ote.*deliveryNote/.test(a.title))
      ?? actions.find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && /deliveryNote/.test(JSON.stringify(a.edit.entries())));
    assert.ok(fix, 'a rename quick fix for delivery_note');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'quick fix applied');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(doc.getText().includes('        deliveryNote:\n'), 'the property is renamed');
    assert.ok(!doc.getText().includes('delivery_note'), 'no trace of the old name');
    await waitFor('the casing finding to go away', () => !specgateDiagnostics(doc.uri).some((d) => codeOf(d) === 'specgate-property-casing'));
  });

  it('7. after git commit the breaking hints disappear', async () => {
    assert.ok(await doc.save(), 'saved');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8' });
    git('add', 'openapi.yaml');
    git('commit', '-q', '-m', 'Tighten order input');
    log(`committed ${git('rev-parse', '--short', 'HEAD').trim()}`);
    await waitFor('the breaking hints to disappear', () => !specgateDiagnostics(doc.uri).some(isBreakingHint), 30_000);
    assert.deepStrictEqual(specgateDiagnostics(doc.uri).map(codeOf), ['operation-tags'], 'only the Spectral finding is left');
  });

  it('8. the status bar shows the baseline and counts, and "show report" runs', async () => {
    const ext = vscode.extensions.getExtension<{ statusBar?: vscode.StatusBarItem }>(EXTENSION_ID)!;
    const item = ext.exports?.statusBar;
    assert.ok(item, 'the extension exposes its status bar item');
    const text = await waitFor('the status bar to show the baseline', () => (/HEAD: 0 breaking/.test(item.text) ? item.text : undefined), 15_000)
      .catch((e: Error) => { throw new Error(`${e.message}; status bar: "${item.text}"`); });
    log(`status bar: ${text}`);
    assert.strictEqual(item.command && (typeof item.command === 'string' ? item.command : item.command.command), 'specgate.showReport');
    const report = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('specgate.showReport');
    assert.ok(report, 'the report opened');
    log(`report: ${report.getText().slice(0, 200)}`);
    assert.strictEqual(report.languageId, 'markdown');
    assert.ok(report.getText().length > 0);
  });

  it('9. a Markdown guide that names an operation the API lacks gets a finding on that line; correct mentions none', async () => {
    const file = path.join(folder, 'docs', 'orders-guide.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '# Orders\n\nPlace an order with `POST /orders`.\n\nCancel one with `DELETE /orders/{orderId}/cancel`.\n');
    const guide = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(guide);
    const drift = await waitFor('the docs-drift finding', () => specgateDiagnostics(guide.uri).find((d) => codeOf(d) === 'specgate-docs-unknown-operation'), 30_000);
    log(`guide: ${show(specgateDiagnostics(guide.uri))}`);
    assert.strictEqual(drift.range.start.line, 4, 'on the drifted mention');
    assert.match(drift.message, /DELETE \/orders\/\{orderId\}\/cancel/);
    assert.ok(!specgateDiagnostics(guide.uri).some((d) => d.range.start.line === 2), 'the correct mention has none');
  });

  it('10. go to definition on a $ref jumps to the schema', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf("$ref: '#/components/schemas/Order'\n");
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('Order'));
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const target = lineOf('    Order:');
    const landed = await waitFor('the cursor on the Order schema', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === doc.uri.toString() && active.selection.active.line === target ? active.selection.active : undefined;
    }, 15_000);
    log(`definition: line ${landed.line + 1}`);
  });

  it("11. completion inside $ref: '#/components/schemas/ lists the schemas", async () => {
    const line = lineOf("$ref: '#/components/schemas/Order'\n");
    const start = doc.lineAt(line).text.indexOf('Order');
    const name = new vscode.Range(line, start, line, start + 'Order'.length);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, name);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the schema name is removed');
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, start), '/');
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      log(`completion: ${labels.slice(0, 10).join(', ')}`);
      assert.ok(labels.includes('Order') && labels.includes('OrderInput'), `schemas offered: ${labels.join(', ')}`);
    } finally {
      const restore = new vscode.WorkspaceEdit();
      restore.insert(doc.uri, new vscode.Position(line, start), 'Order');
      await vscode.workspace.applyEdit(restore);
    }
  });

  it('12. the APIs view lists the API with its owner and consumers from catalog-info.yaml, and opens it on click', async () => {
    fs.writeFileSync(path.join(folder, 'catalog-info.yaml'), [
      'apiVersion: backstage.io/v1alpha1', 'kind: API', 'metadata: {name: orders, title: Orders API}',
      'spec: {type: openapi, lifecycle: production, owner: team-orders, definition: {$text: ./openapi.yaml}}', '---',
      'apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata: {name: storefront}',
      'spec: {type: website, lifecycle: production, owner: team-web, consumesApis: [orders]}', '',
    ].join('\n'));
    await vscode.commands.executeCommand('specgate.apis.focus');
    const view = vscode.extensions.getExtension(EXTENSION_ID)!.exports.apis as vscode.TreeDataProvider<{ name: string; owner?: string }>;
    const api = await waitFor('the APIs view to list orders with its owner', async () => {
      const items = (await view.getChildren()) ?? [];
      return items.find((a) => a.name === 'orders' && a.owner === 'team-orders');
    }, 30_000);
    const item = await view.getTreeItem(api);
    log(`APIs view: ${item.label} — ${item.description}`);
    assert.match(String(item.description), /^team-orders · \d+ errors, \d+ warnings/);
    assert.match(String(item.tooltip), /Consumers: storefront \(team-web\)/);
    assert.ok(item.command, 'a click opens the description');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(folder, 'catalog-info.yaml')));
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    await waitFor('the spec to open', () => vscode.window.activeTextEditor?.document.uri.fsPath === path.join(folder, 'openapi.yaml'), 10_000);
  });
});
