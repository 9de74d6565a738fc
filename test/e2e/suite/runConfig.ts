// The runner (scripts/e2e-run.mjs) writes e2e-run.json next to the workspace folder; the suite reads it here.
// scripts/e2e-electron.mjs writes one without signalsDir (no screenshots). Without any file (the suite launched by
// other means) Specgate may run from a development folder and no screenshots are taken.
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';

export interface RunConfig {
  /** The Specgate under test must be the installed .vsix, not a development folder. */
  expectVsix: boolean;
  /** Screenshot requests are files dropped here; the runner answers with `<name>.done`. None: no screenshots. */
  signalsDir?: string;
  artifactsDir: string;
  /** The suite writes `{ passed, failed }` here when it finishes. */
  resultFile?: string;
  /** Where to save the documentation screenshot, when asked for. */
  docsScreenshot?: string;
}

export function runConfig(): RunConfig | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return undefined;
  const file = path.join(path.dirname(folder), 'e2e-run.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RunConfig) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks the runner (outside, driving the browser) for a screenshot of the workbench, and waits for it. */
export async function requestScreenshot(name: string, dir: string, timeoutMs = 15_000): Promise<void> {
  const config = runConfig();
  if (!config?.signalsDir) return;
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const req = path.join(config.signalsDir, `${id}.req`);
  fs.writeFileSync(req + '.tmp', JSON.stringify({ path: path.join(dir, name) }));
  fs.renameSync(req + '.tmp', req);
  const done = path.join(config.signalsDir, `${id}.done`);
  for (let waited = 0; waited < timeoutMs && !fs.existsSync(done); waited += 100) await sleep(100);
}
