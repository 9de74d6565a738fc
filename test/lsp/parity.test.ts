import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession } from '../helpers/lspClient';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';
import { pathToUri } from '../../server/src/engine/uri';
import { main } from '../../server/src/cli';

const RULE_FIXTURES = path.resolve(__dirname, '../../../test/fixtures/rules');
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

let dir: string;
let server: LspSession;
const files: string[] = [];

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-parity-'));
  // Rule fixtures, and 20 real specs (under 200 KB, so Spectral finishes on a busy machine too).
  const fixtures = listSpecs(RULE_FIXTURES).filter((f) => /\.ya?ml$/.test(f));
  const real = sample(listSpecs(openapiDirectory()).filter((f) => statSync(f).size < 200_000), 20);
  for (const [i, source] of [...fixtures, ...real].entries()) {
    const name = `${String(i).padStart(3, '0')}-${path.basename(path.dirname(source))}-${path.basename(source)}`;
    await fs.copyFile(source, path.join(dir, name));
    files.push(name);
  }
  assert.ok(real.length >= 20);
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 0, largeFileThresholdKB: 1_000_000 } });
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

type Finding = { file: string; code: string; severity: string; message: string; range: unknown };
const key = (f: Finding) => JSON.stringify([f.file, f.code, f.severity, f.message, f.range]);

/** The CLI's findings on the folder and the editor's on each file, as comparable keys. */
async function bothAdapters(session: LspSession, cliArgs: string[]): Promise<{ cli: string[]; editor: string[] }> {
  let out = '';
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await main(['lint', '.', '--format', 'json', '--fail-severity', 'hint', ...cliArgs], { write: (s: string) => (out += s) } as never, { write: () => true } as never);
  } finally {
    process.chdir(cwd);
  }
  const cli = (JSON.parse(out) as Finding[]).map((f) => key({ file: f.file, code: String(f.code), severity: f.severity, message: f.message, range: f.range }));
  const editor: string[] = [];
  for (const file of files) {
    const uri = pathToUri(path.join(dir, file));
    session.open(uri, await fs.readFile(path.join(dir, file), 'utf8'));
    await session.waitForAnalysis(uri, 1, 120_000);
    const last = session.published.filter((p) => p.uri === uri && p.version === 1).at(-1);
    for (const d of last?.diagnostics ?? []) {
      editor.push(key({ file, code: String(d.code), severity: SEVERITY[d.severity ?? 1], message: String(d.message), range: d.range }));
    }
    session.close(uri);
  }
  return { cli, editor };
}

test('specgate lint --format json and the language server publish the same findings (code, range, severity, message)', async () => {
  const { cli, editor } = await bothAdapters(server, []);
  assert.ok(cli.length > 100, `a meaningful comparison: ${cli.length} findings`);
  assert.deepEqual(editor.sort(), cli.sort());
});

// Spectral alone: the CLI lints a value-only parse and places findings with Spectral's own parser,
// the editor on its positioned parse. CRLF copies check the ranges at line ends.
test('Spectral only (--no-style-guide, styleGuideEnabled false): the same findings and ranges, LF and CRLF', async () => {
  const crlf: string[] = [];
  for (const file of files.slice(0, 12)) {
    const name = `crlf-${file}`;
    await fs.writeFile(path.join(dir, name), (await fs.readFile(path.join(dir, file), 'utf8')).replace(/\r?\n/g, '\r\n'));
    crlf.push(name);
  }
  // Findings whose ranges end where a block scalar does, before a CRLF (Spectral's parser ends them after the `\r`).
  const blocks = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n  description: |\n    Multi\n    line\n\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: >-\n            ok\n\n";
  await fs.writeFile(path.join(dir, 'crlf-blocks.yaml'), blocks.replace(/\n/g, '\r\n'));
  crlf.push('crlf-blocks.yaml');
  files.push(...crlf);
  const session = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 0, largeFileThresholdKB: 1_000_000, styleGuideEnabled: false } });
  try {
    const { cli, editor } = await bothAdapters(session, ['--no-style-guide']);
    assert.ok(cli.length > 100, `a meaningful comparison: ${cli.length} findings`);
    assert.ok(cli.some((k) => /"(oas[23]|operation|info)-/.test(k)), 'Spectral findings');
    assert.ok(crlf.some((name) => cli.some((k) => k.startsWith(`["${name}"`))), 'findings in CRLF files');
    assert.deepEqual(editor.sort(), cli.sort());
  } finally {
    await session.shutdown();
  }
});
