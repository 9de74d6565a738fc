// extensionTestsPath entry: runs INSIDE the VS Code extension host (code-server or @vscode/test-electron),
// with the same run() contract as @vscode/test-electron. Mocha is loaded from the repository's node_modules.
import * as path from 'path';
import * as fs from 'fs';
import Mocha from 'mocha';
import { runConfig, requestScreenshot } from './runConfig';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  const config = runConfig();
  await new Promise<void>((resolve, reject) => {
    let passes = 0;
    let failures = 0;
    const pending: Promise<void>[] = [];
    const runner = mocha.run(() => {
      void Promise.all(pending).then(() => {
        // The runners read this line and print the closing `N passed, N failed`.
        console.log(`[e2e] RESULT ${JSON.stringify({ passed: passes, failed: failures })}`);
        if (config?.resultFile) fs.writeFileSync(config.resultFile, JSON.stringify({ passed: passes, failed: failures }));
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else resolve();
      });
    });
    runner.on('pass', () => { passes++; });
    runner.on('fail', (t) => {
      failures++;
      if (config?.signalsDir) pending.push(requestScreenshot(`failure-${failures}-${t.title.replace(/[^\w]+/g, '-').slice(0, 60)}.png`, config.artifactsDir));
    });
  });
}
