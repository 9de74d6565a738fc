// One editor session on a spec: didOpen → first diagnostics per layer, hover/codeAction while
// Spectral runs, one-character edits → fast-layer latency, the server's peak RSS.
//
// The scheduler publishes the open document once per layer and version, in order: fast (syntax +
// style guide), breaking (against the git baseline), Spectral. The bench counts publishes per version.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE } from './fetch.mjs';
import { startServer } from './lsp.mjs';
import YAML from 'yaml';
import { median, percentile, summary } from './stats.mjs';

const seconds = (ms) => ms / 1000;

/** A git repository with the spec committed, so the breaking layer has a baseline (HEAD). */
export function workspaceFor(spec) {
  const dir = join(CACHE, 'ws', spec.name);
  const file = join(dir, 'openapi.yaml');
  if (!existsSync(join(dir, '.git')) || !existsSync(file) || readFileSync(file).length !== spec.yamlBytes) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(spec.yaml, file);
    const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
    if (!existsSync(join(dir, '.git'))) git('init', '-q');
    git('add', 'openapi.yaml');
    git('commit', '-q', '-m', 'baseline', '--allow-empty');
  }
  return { dir, file };
}

/** A line in the middle of the file holding `key:` — where the bench hovers and edits. */
export function lineWith(lines, pattern) {
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) if (pattern.test(lines[i])) return i;
  return lines.findIndex((l) => pattern.test(l));
}

/**
 * One-character edits inside a description (versions 2, 3, ...), each awaited until its fast-layer
 * and breaking-layer publishes: the seconds from didChange to each.
 */
export async function oneCharacterEdits({ connection, uri, lines, nth, edits }) {
  const editLine = lineWith(lines, /^\s+description: [A-Za-z]/);
  const editChar = lines[editLine].indexOf('description: ') + 'description: '.length;
  const editFast = [];
  const editBreaking = [];
  for (let i = 0; i < edits; i++) {
    const version = 2 + i;
    const f = nth(version, 1);
    const b = nth(version, 2);
    const t = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: editLine, character: editChar }, end: { line: editLine, character: editChar } }, text: 'x' }],
    });
    editFast.push(seconds((await f).at - t));
    editBreaking.push(seconds((await b).at - t));
    await new Promise((r) => setTimeout(r, 200));
  }
  return { editFast, editBreaking };
}

/**
 * The edit-latency floor: three plain `parseDocument`s of the text in the bench process, timed right
 * after the edits once the server has finished the last version (idle), so that the floor and the
 * edits see the machine in the same phase of the run.
 */
export async function parseFloor(text, idle) {
  await idle();
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    YAML.parseDocument(text);
    times.push(seconds(performance.now() - t));
  }
  return summary(times);
}

/** A server on the spec's git workspace; `nth(version, n, after)` waits for the n-th publish of that version. */
export async function serverOn(spec) {
  const { dir, file } = workspaceFor(spec);
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const server = await startServer({ rootUri: pathToFileURL(dir).href, settings: { debounceMs: 0 } });
  const nth = (version, n, after = 0) => {
    let seen = 0;
    return server.waitFor((e) => e.params.uri === uri && e.params.version === version && e.at >= after && ++seen === n);
  };
  /** Every layer of that version has finished (`specgate/analysisFinished`), at or after `after`. */
  const finished = (version, after = 0) => server.waitForFinished((e) => e.params.uri === uri && e.params.version === version && e.at >= after);
  return { server, connection: server.connection, uri, text, lines: text.split('\n'), nth, finished };
}

export async function lspSession(spec, { edits = 5 } = {}) {
  const { server, connection, uri, text, lines, nth, finished } = await serverOn(spec);
  const large = spec.yamlBytes > 2048 * 1024;
  try {
    const t0 = performance.now();
    const fast = nth(1, 1);
    const breaking = nth(1, 2);
    // Every layer of the version done (the last publish before it holds Spectral's findings).
    const finishedAfter = (after) => finished(1, after)
      .then((done) => server.published.filter((p) => p.params.uri === uri && p.params.version === 1 && p.at <= done.at).at(-1) ?? done);
    const spectralDone = large ? undefined : finishedAfter(t0);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const openFast = seconds((await fast).at - t0);
    const openBreaking = seconds((await breaking).at - t0);

    // Spectral: live for normal files; on save for large ones (specgate.largeFileThresholdKB).
    let tSpectral = performance.now();
    let spectral = spectralDone;
    if (large) {
      // The open's own analysis has finished (fast and breaking only): the next one is the save's.
      await finishedAfter(t0);
      tSpectral = performance.now();
      spectral = finishedAfter(tSpectral);
      await connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    }
    let spectralFinished = false;
    const spectralAt = spectral.then((e) => { spectralFinished = true; return e.at; });
    const hoverLine = lineWith(lines, /^\s+operationId:/);
    const character = lines[hoverLine].indexOf('operationId') + 2;
    const hovers = [];
    const actions = [];
    while (!spectralFinished) {
      let t = performance.now();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character } });
      hovers.push(seconds(performance.now() - t));
      t = performance.now();
      await connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: hoverLine, character: 0 }, end: { line: hoverLine, character } },
        context: { diagnostics: [] },
      });
      actions.push(seconds(performance.now() - t));
      await new Promise((r) => setTimeout(r, 25));
    }
    const spectralSeconds = seconds((await spectralAt) - (large ? tSpectral : t0));
    const spectralCount = (await spectral).params.diagnostics.filter((d) => d.data?.engine === 'spectral').length;

    const { editFast, editBreaking } = await oneCharacterEdits({ connection, uri, lines, nth, edits });
    const parseAfterEdits = await parseFloor(text, () => finished(1 + edits));
    const peakRssBytes = server.peakRss();
    return {
      large,
      openFast,
      openBreaking,
      spectral: spectralSeconds,
      spectralTrigger: large ? 'save' : 'open',
      spectralFindings: spectralCount,
      hover: { count: hovers.length, p50: median(hovers), p95: percentile(hovers, 95), max: Math.max(...hovers) },
      codeAction: { count: actions.length, p50: median(actions), p95: percentile(actions, 95), max: Math.max(...actions) },
      editFast: { runs: editFast.length, median: median(editFast), min: Math.min(...editFast), max: Math.max(...editFast), samples: editFast },
      editBreaking: { runs: editBreaking.length, median: median(editBreaking), min: Math.min(...editBreaking), max: Math.max(...editBreaking) },
      parseAfterEdits,
      peakRssBytes,
    };
  } finally {
    await server.shutdown();
  }
}
