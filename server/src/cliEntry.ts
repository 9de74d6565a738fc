/**
 * `specgate` binary (dist/cli.js). Help and version answer from this small bundle; everything else
 * loads the engine bundle (dist/cliMain.js) first, which takes about a second on its own.
 */
import * as path from 'path';
import { quickAnswer } from './cliHelp';
import { requireWithCodeCache } from './node/codeCache';

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick !== undefined) {
  process.stdout.write(quick);
} else {
  // A runtime path, so esbuild keeps this bundle free of the engine; its compiled code is cached between runs.
  const engine = requireWithCodeCache(path.join(__dirname, 'cliMain.js'));
  (engine.exports as typeof import('./cli')).main(argv).then(
    (code) => { engine.save(); process.exitCode = code; },
    (e) => { process.stderr.write(`specgate: ${(e as Error).stack ?? e}\n`); process.exitCode = 2; },
  );
}
