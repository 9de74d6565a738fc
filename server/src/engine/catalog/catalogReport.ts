/**
 * `specgate catalog` output: one entry per API (owner, lifecycle, consumers, findings, the cross-API
 * conventions it departs from, breaking counts against a base) as JSON, markdown or one
 * self-contained HTML page (no network: inline style and script).
 */
import type { Party } from './catalogModel';

export interface FindingCounts { error: number; warning: number; info: number; hint: number }
export interface BreakingCounts { breaking: number; potentiallyBreaking: number; nonBreaking: number; baseline?: string }
export interface Departure { rule: string; message: string; line: number }

export interface CatalogEntry {
  name: string;
  title: string | null;
  file: string | null;
  version: string | null;
  owner: string | null;
  lifecycle: string | null;
  system: string | null;
  consumers: Party[];
  findings: FindingCounts;
  departures: Departure[];
  /** Only with `--base`. */
  breaking?: BreakingCounts;
}

export const CATALOG_FORMATS = ['json', 'markdown', 'html'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

export function formatCatalog(entries: CatalogEntry[], format: CatalogFormat, base?: string): string {
  if (format === 'json') return JSON.stringify({ apis: entries }, null, 2) + '\n';
  if (format === 'markdown') return catalogMarkdown(entries, base);
  return catalogHtml(entries, base);
}

const party = (p: Party) => (p.owner ? `${p.name} (${p.owner})` : p.name);
const cell = (s: string | null | undefined) => (s ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const findingsText = (f: FindingCounts) => `${f.error} errors, ${f.warning} warnings, ${f.info} infos`;
const breakingText = (b: BreakingCounts) => (b.baseline ? b.baseline : `${b.breaking} breaking, ${b.potentiallyBreaking} potentially`);

function catalogMarkdown(entries: CatalogEntry[], base?: string): string {
  const lines = ['# API catalog', '', `${entries.length} API(s).`, ''];
  const head = ['API', 'owner', 'lifecycle', 'system', 'version', 'consumers', 'findings', 'departures'];
  if (base) head.push(`breaking vs ${base}`);
  lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const e of entries) {
    const row = [`**${cell(e.name)}**${e.file ? `<br>\`${cell(e.file)}\`` : ''}`, cell(e.owner), cell(e.lifecycle), cell(e.system), cell(e.version),
      cell(e.consumers.map(party).join(', ') || null), findingsText(e.findings), String(e.departures.length)];
    if (base) row.push(e.breaking ? breakingText(e.breaking) : '—');
    lines.push(`| ${row.join(' | ')} |`);
  }
  for (const e of entries.filter((x) => x.departures.length > 0)) {
    lines.push('', `## ${e.name}: departures from the workspace's conventions`, '');
    for (const d of e.departures) lines.push(`- \`${d.rule}\` (line ${d.line}): ${d.message}`);
  }
  return lines.join('\n') + '\n';
}

function esc(s: string | null | undefined): string {
  return (s ?? '—').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SORT_SCRIPT = `
document.querySelectorAll('th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    document.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute('data-sort') || a.cells[column].textContent;
      var y = b.cells[column].getAttribute('data-sort') || b.cells[column].textContent;
      var n = Number(x) - Number(y);
      var c = isNaN(n) ? x.localeCompare(y) : n;
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});`;

function catalogHtml(entries: CatalogEntry[], base?: string): string {
  const head = ['API', 'Owner', 'Lifecycle', 'System', 'Version', 'Consumers', 'Errors', 'Warnings', 'Departures'];
  if (base) head.push(`Breaking vs ${base}`);
  const anchor = (name: string) => 'api-' + name.replace(/[^\w-]/g, '-');
  const rows = entries.map((e) => {
    const cells = [
      `<td data-sort="${esc(e.name)}"><a href="#${anchor(e.name)}">${esc(e.name)}</a></td>`,
      `<td>${esc(e.owner)}</td>`, `<td>${esc(e.lifecycle)}</td>`, `<td>${esc(e.system)}</td>`, `<td>${esc(e.version)}</td>`,
      `<td data-sort="${e.consumers.length}">${esc(e.consumers.map(party).join(', ') || null)}</td>`,
      `<td>${e.findings.error}</td>`, `<td>${e.findings.warning}</td>`, `<td>${e.departures.length}</td>`,
    ];
    if (base) cells.push(`<td data-sort="${e.breaking?.breaking ?? -1}">${esc(e.breaking ? breakingText(e.breaking) : null)}</td>`);
    return `<tr>${cells.join('')}</tr>`;
  });
  const details = entries.map((e) => [
    `<section id="${anchor(e.name)}"><h2>${esc(e.name)}${e.title ? ` <small>${esc(e.title)}</small>` : ''}</h2>`,
    '<dl>',
    `<dt>File</dt><dd><code>${esc(e.file)}</code></dd>`,
    `<dt>Owner</dt><dd>${esc(e.owner)}</dd>`,
    `<dt>Lifecycle</dt><dd>${esc(e.lifecycle)}</dd>`,
    `<dt>System</dt><dd>${esc(e.system)}</dd>`,
    `<dt>Version</dt><dd>${esc(e.version)}</dd>`,
    `<dt>Consumers</dt><dd>${e.consumers.length ? `<ul>${e.consumers.map((c) => `<li>${esc(party(c))}</li>`).join('')}</ul>` : 'none recorded'}</dd>`,
    `<dt>Findings</dt><dd>${esc(findingsText(e.findings))}</dd>`,
    e.breaking ? `<dt>Breaking vs ${esc(base)}</dt><dd>${esc(breakingText(e.breaking))}</dd>` : '',
    '</dl>',
    e.departures.length ? `<h3>Departures from the workspace's conventions</h3><ul>${e.departures.map((d) => `<li><code>${esc(d.rule)}</code> line ${d.line}: ${esc(d.message)}</li>`).join('')}</ul>` : '',
    '</section>',
  ].join('\n'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>API catalog</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1f24; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; cursor: pointer; user-select: none; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
section { border-top: 1px solid #d0d7de; margin-top: 2rem; }
dt { font-weight: 600; } dd { margin: 0 0 .4rem 0; }
</style>
</head>
<body>
<h1>API catalog</h1>
<p>${entries.length} API(s)${base ? `; breaking changes against <code>${esc(base)}</code>` : ''}.</p>
<table>
<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${details.join('\n')}
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
