// Targets of issue 6 and the markdown table of bench/results.json.
const s = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} s` : 'n/a');
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x * 1000)} ms` : 'n/a');
const mb = (x) => (Number.isFinite(x) ? `${Math.round(x / 2 ** 20)} MB` : 'n/a');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)}×` : 'n/a');

export function evaluateTargets(r) {
  const t = [];
  const add = (id, target, measured, met) => t.push({ id, target, measured, met: met === undefined ? null : !!met });
  for (const [name, spec] of Object.entries(r.specs)) {
    const lint = spec.lint;
    const sg = lint['specgate (spectral:oas)']?.seconds.median;
    const sgDefault = lint['specgate (default)']?.seconds.median;
    const red = lint.redocly?.seconds.median;
    const spc = lint['spectral-cli']?.seconds.median;
    if (spec.equivalence) {
      add(`same-findings-${name}`, `${spec.title}: specgate lint (spectral:oas) reports the same findings as spectral-cli`,
        `${spec.equivalence.matched} matched; ${spec.equivalence.spectral - spec.equivalence.matched} only in spectral-cli, ${spec.equivalence.specgate - spec.equivalence.matched} only in specgate (of ${spec.equivalence.spectral} / ${spec.equivalence.specgate})`,
        spec.equivalence.same);
    }
    if (sg !== undefined && red !== undefined) add(`lint-vs-redocly-${name}`, `${spec.title}: specgate lint (spectral:oas) ≤ redocly lint wall time`, `${s(sg)} vs ${s(red)} (${ratio(sg / red)} of redocly)`, sg <= red);
    if (sgDefault !== undefined && red !== undefined) add(`default-vs-redocly-${name}`, `${spec.title}: specgate lint (default ruleset + style guide) ≤ 1.3× redocly`, `${s(sgDefault)} vs ${s(red)} (${ratio(sgDefault / red)})`, sgDefault <= 1.3 * red);
    if (name === 'github' && sg !== undefined && spc !== undefined) add('github-vs-spectral', 'GitHub: specgate lint ≥ 15× faster than spectral-cli', `${ratio(spc / sg)} (${s(spc)} vs ${s(sg)})`, spc / sg >= 15);
  }
  const oneMb = r.lsp.twilio ?? r.lsp.digitalocean;
  if (oneMb) add('edit-1mb', `Edit → fast-layer diagnostics ≤ 300 ms on a 1 MB spec (${oneMb === r.lsp.twilio ? 'Twilio' : 'DigitalOcean'})`, `${ms(oneMb.editFast.median)} median (min ${ms(oneMb.editFast.min)}, max ${ms(oneMb.editFast.max)})`, oneMb.editFast.median <= 0.3);
  // Issue 15: edit → fast layer as a ratio of one plain `yaml` parseDocument of the same text, timed
  // right after the edits with the server idle (the same phase of the run); the parse timed at the
  // start of the run is shown too.
  for (const name of ['twilio', 'github']) {
    const l = r.lsp[name];
    const between = l?.parseAfterEdits?.median;
    const atStart = r.specs[name]?.yamlParseDocument?.median;
    const floor = between ?? atStart;
    if (l && floor) {
      const also = between !== undefined && atStart !== undefined ? `; against the parse timed at the start of the run, ${ms(atStart)}: ${ratio(l.editFast.median / atStart)}` : '';
      add(`edit-ratio-${name}`, `${r.specs[name].title}: edit → fast-layer diagnostics ≤ 0.3× one yaml parseDocument`, `${ms(l.editFast.median)} vs ${ms(floor)}${between !== undefined ? ' timed after the edits' : ''} (${ratio(l.editFast.median / floor)})${also}`, l.editFast.median <= 0.3 * floor);
    }
  }
  const gh = r.lsp.github;
  if (gh) {
    const parse = r.specs.github.yamlParse.median;
    add('edit-github', 'GitHub: edit → fast-layer diagnostics ≤ 1.2× a plain yaml parse', `${ms(gh.editFast.median)} vs parse ${ms(parse)} (${ratio(gh.editFast.median / parse)})`, gh.editFast.median <= 1.2 * parse);
    add('hover-github', 'GitHub: hover p95 ≤ 50 ms while Spectral runs', `${ms(gh.hover.p95)} (p50 ${ms(gh.hover.p50)}, ${gh.hover.count} requests)`, gh.hover.p95 <= 0.05);
    add('codeaction-github', 'GitHub: codeAction p95 ≤ 50 ms while Spectral runs', `${ms(gh.codeAction.p95)} (p50 ${ms(gh.codeAction.p50)}, ${gh.codeAction.count} requests)`, gh.codeAction.p95 <= 0.05);
    add('rss-github', 'GitHub: server peak RSS ≤ 1.0 GB', mb(gh.peakRssBytes), gh.peakRssBytes <= 1.0 * 2 ** 30);
  }
  if (r.help) add('help', '`specgate --help` < 300 ms', `${ms(r.help.seconds.median)} (node -e 0: ${ms(r.help.nodeSeconds.median)})`, r.help.seconds.median < 0.3);
  if (r.diff) add('diff-github', 'GitHub 21.0.0 → 22.0.0 diff from YAML ≤ 5 s end to end', `${s(r.diff.seconds.median)} (min ${s(r.diff.seconds.min)}, max ${s(r.diff.seconds.max)})`, r.diff.seconds.median <= 5);
  return t;
}

export function renderMarkdown(r) {
  const out = [];
  out.push('# Specgate benchmark results', '');
  out.push(`Date: ${r.date} · commit ${r.commit} · ${r.wallMinutes} min for the whole run`);
  out.push(`Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGB} GB RAM, Node ${r.machine.node}, ${r.machine.platform}`);
  out.push('Bundles: dist/ as shipped (`scripts/build.mjs --production`); servers driven over stdio with `debounceMs: 0`.');
  out.push(`Tools: specgate ${r.versions.specgate}, spectral-cli ${r.versions.spectralCli}, redocly ${r.versions.redocly}. Runs per tool: ${r.runs}, interleaved (each round runs every tool once) (spectral-cli on GitHub: ${r.slowRuns}; a tool whose run takes over 45 s is run ${r.slowRuns}×).`, '');
  out.push('## Targets', '', '| target | measured | met |', '|---|---|---|');
  for (const t of r.targets) out.push(`| ${t.target} | ${t.measured} | ${t.met === null ? '–' : t.met ? '**met**' : 'not met'} |`);
  out.push('', '## Lint, side by side (wall time, median [min–max]; peak RSS)', '');
  out.push('| spec | YAML size | yaml parse | specgate (spectral:oas) | specgate (default) | spectral-cli | redocly | spectral-cli ÷ specgate | specgate ÷ redocly | same findings |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const spec of Object.values(r.specs)) {
    const cell = (tool) => {
      const l = spec.lint[tool];
      return l ? `${s(l.seconds.median)} [${s(l.seconds.min)}–${s(l.seconds.max)}] ×${l.seconds.runs}; ${mb(l.peakRssBytes)}` : 'n/a';
    };
    const sg = spec.lint['specgate (spectral:oas)']?.seconds.median;
    const e = spec.equivalence;
    out.push(`| ${spec.title} | ${(spec.yamlBytes / 2 ** 20).toFixed(2)} MB | ${s(spec.yamlParse.median)} | ${cell('specgate (spectral:oas)')} | ${cell('specgate (default)')} | ${cell('spectral-cli')} | ${cell('redocly')} | ${ratio(spec.lint['spectral-cli']?.seconds.median / sg)} | ${ratio(sg / spec.lint.redocly?.seconds.median)} | ${e ? `${e.same ? 'yes' : 'no'} (${e.matched}/${e.spectral} matched, ${e.specgate - e.matched} extra)` : 'n/a'} |`);
  }
  const warmups = Object.values(r.specs).flatMap((spec) => Object.entries(spec.lint).filter(([, l]) => l.warmupSeconds !== undefined).map(([tool, l]) => `${spec.title} ${tool} ${s(l.warmupSeconds)}`));
  if (warmups.length) {
    out.push('', `Each tool ran once untimed before its timed runs (hyperfine's \`--warmup 1\`; not spectral-cli on GitHub). The first specgate run after the build has no V8 code cache yet (the first spec's row). Warm-up times: ${warmups.join('; ')}.`);
  }
  if (Object.keys(r.lsp).length) {
    out.push('', '## Language server (stdio, debounceMs 0)', '');
    out.push('| spec | didOpen → fast layer | → breaking layer | Spectral layer | edit → fast (median [min–max]) | edit → breaking | hover p50 / p95 | codeAction p50 / p95 | peak RSS |');
    out.push('|---|---|---|---|---|---|---|---|---|');
    for (const [name, l] of Object.entries(r.lsp)) {
      out.push(`| ${r.specs[name].title} | ${s(l.openFast)} | ${s(l.openBreaking)} | ${s(l.spectral)} (on ${l.spectralTrigger}, ${l.spectralFindings} findings) | ${ms(l.editFast.median)} [${ms(l.editFast.min)}–${ms(l.editFast.max)}] | ${ms(l.editBreaking.median)} | ${ms(l.hover.p50)} / ${ms(l.hover.p95)} (n=${l.hover.count}) | ${ms(l.codeAction.p50)} / ${ms(l.codeAction.p95)} (n=${l.codeAction.count}) | ${mb(l.peakRssBytes)} |`);
    }
  }
  if (r.diff) out.push('', '## specgate diff, GitHub 21.0.0 → 22.0.0 (YAML)', '', `${s(r.diff.seconds.median)} median [${s(r.diff.seconds.min)}–${s(r.diff.seconds.max)}] over ${r.diff.seconds.runs} runs, peak RSS ${mb(r.diff.peakRssBytes)}, ${r.diff.changes ?? '?'} changes.`);
  out.push('');
  return out.join('\n');
}
