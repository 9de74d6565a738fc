/**
 * `specgate` binary (dist/cli.js). Help and version answer from this small bundle; everything else
 * loads the engine bundle (dist/cliMain.js) first, which takes about a second on its own.
 */
import * as path from 'path';
import { quickAnswer } from './cliHelp';

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick !== undefined) {
  process.stdout.write(quick);
} else {
  // Node ≥ 22: keep V8's compiled code of the 9 MB engine bundle between runs (start-up); a no-op before.
  (require('module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // A runtime path, so esbuild keeps this bundle free of the engine.
  const engine = path.join(__dirname, 'cliMain.js');
  (require(engine) as typeof import('./cli')).main(argv).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`specgate: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; },
  );
}
