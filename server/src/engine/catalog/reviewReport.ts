/**
 * `specgate review` output: per changed API its breaking and potentially breaking changes (with
 * files and lines), new governance findings since the base, the owners who must approve and the
 * consumer teams to ask. JSON, a markdown pull-request comment, or GitHub annotations.
 */
import type { Party } from './catalogModel';

export interface ReviewChange {
  api: string;
  owner: string | null;
  consumers: Party[];
  id: string;
  level: 'breaking' | 'potentially-breaking';
  message: string;
  operation?: string;
  file: string;
  line: number | null;
  docs: string;
  /** Workflow steps in the repository this change breaks (Arazzo), with why. */
  workflows?: ReviewWorkflowStep[];
  /** Raised to breaking by those workflows from this level. */
  escalatedFrom?: string;
}

export interface ReviewWorkflowStep { file: string; workflowId: string; stepId: string; reason: string }

export interface ReviewFinding { code: string; severity: string; message: string; file: string; line: number }

export interface ReviewApi {
  name: string;
  file: string;
  status: 'changed' | 'added';
  owner: string | null;
  /** CODEOWNERS handles of the description. */
  codeowners: string[];
  consumers: Party[];
  changes: ReviewChange[];
  newFindings: ReviewFinding[];
}

export interface ReviewResult {
  base: string;
  apis: ReviewApi[];
  /** Everyone to request: CODEOWNERS handles and Backstage owner groups of the changed APIs, then consumer teams. */
  reviewers: string[];
  /** Who must approve: owners of the changed APIs. */
  approvers: string[];
  /** Teams owning components that consume an API with breaking or potentially breaking changes. */
  consumerTeams: string[];
  changes: ReviewChange[];
  summary: { apis: number; breaking: number; potentiallyBreaking: number; newFindings: number };
}

export const REVIEW_FORMATS = ['json', 'markdown', 'github'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export function buildReview(base: string, apis: ReviewApi[]): ReviewResult {
  const approvers = unique(apis.flatMap((a) => [...a.codeowners, ...(a.owner ? [a.owner] : [])]));
  const consumerTeams = unique(apis.filter((a) => a.changes.length > 0).flatMap((a) => a.consumers.map((c) => c.owner ?? c.name)))
    .filter((team) => !approvers.includes(team));
  const changes = apis.flatMap((a) => a.changes);
  return {
    base,
    apis,
    reviewers: unique([...approvers, ...consumerTeams]),
    approvers,
    consumerTeams,
    changes,
    summary: {
      apis: apis.length,
      breaking: changes.filter((c) => c.level === 'breaking').length,
      potentiallyBreaking: changes.filter((c) => c.level === 'potentially-breaking').length,
      newFindings: apis.reduce((n, a) => n + a.newFindings.length, 0),
    },
  };
}

export function formatReview(review: ReviewResult, format: ReviewFormat): string {
  if (format === 'json') return JSON.stringify(review, null, 2) + '\n';
  if (format === 'github') return reviewGithub(review);
  return reviewMarkdown(review);
}

function unique(list: string[]): string[] {
  return [...new Set(list.filter((s) => s !== ''))];
}

const party = (p: Party) => (p.owner ? `${p.name} (${p.owner})` : p.name);
const at = (file: string, line: number | null) => (line ? `${file}:${line}` : file);

function reviewMarkdown(r: ReviewResult): string {
  const lines = ['## API review', ''];
  if (r.apis.length === 0) return lines.concat([`No API description changed since \`${r.base}\`.`, '']).join('\n');
  lines.push(`${r.summary.apis} API(s) changed since \`${r.base}\`: **${r.summary.breaking} breaking**, ${r.summary.potentiallyBreaking} potentially breaking change(s), ${r.summary.newFindings} new finding(s).`, '');
  if (r.approvers.length) lines.push(`**Owners who must approve:** ${r.approvers.join(', ')}`);
  if (r.consumerTeams.length) lines.push(`**Consumer teams to ask:** ${r.consumerTeams.join(', ')}`);
  for (const api of r.apis) {
    lines.push('', `### ${api.name}${api.status === 'added' ? ' (new)' : ''}`, '', `\`${api.file}\` · owner: ${api.owner ?? 'unknown'}${api.codeowners.length ? ` · CODEOWNERS: ${api.codeowners.join(', ')}` : ''}`);
    lines.push('', `Consumers: ${api.consumers.length ? api.consumers.map(party).join(', ') : 'none recorded'}`);
    if (api.changes.length) {
      lines.push('', '| level | change | where |', '|---|---|---|');
      for (const c of api.changes) {
        lines.push(`| ${c.level === 'breaking' ? '**breaking**' : 'potentially breaking'} | [\`${c.id}\`](${c.docs})${c.operation ? ` ${c.operation}` : ''}: ${c.message.replace(/\|/g, '\\|')} | \`${at(c.file, c.line)}\` |`);
      }
      const steps = api.changes.flatMap((c) => (c.workflows ?? []).map((w) => ({ c, w })));
      if (steps.length) {
        lines.push('', 'Workflows this breaks:', '');
        for (const { c, w } of steps) lines.push(`- \`${w.file}\` workflow \`${w.workflowId}\` step \`${w.stepId}\`: ${w.reason.replace(/^workflow `[^`]*` step `[^`]*` /, '')} (\`${c.id}\`${c.escalatedFrom ? `, ${c.escalatedFrom.replace(/-/g, ' ')} for other clients` : ''})`);
      }
    } else lines.push('', 'No breaking or potentially breaking changes.');
    if (api.newFindings.length) {
      lines.push('', `New findings since \`${r.base}\`:`, '');
      for (const f of api.newFindings) lines.push(`- \`${f.code}\` (${f.severity}) \`${at(f.file, f.line)}\`: ${f.message}`);
    }
  }
  return lines.join('\n') + '\n';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function reviewGithub(r: ReviewResult): string {
  const out: string[] = [];
  for (const api of r.apis) {
    const audience = `owner ${api.owner ?? 'unknown'}; consumers: ${api.consumers.length ? api.consumers.map(party).join(', ') : 'none recorded'}`;
    for (const c of api.changes) {
      const kind = c.level === 'breaking' ? 'error' : 'warning';
      out.push(`::${kind} file=${escapeProperty(c.file)}${c.line ? `,line=${c.line}` : ''},title=${escapeProperty(`${c.id} (${api.name})`)}::${escapeData(`${c.message} (${audience})`)}`);
    }
    for (const f of api.newFindings) {
      out.push(`::notice file=${escapeProperty(f.file)},line=${f.line},title=${escapeProperty(`new: ${f.code}`)}::${escapeData(f.message)}`);
    }
  }
  out.push(`::notice title=API review::${escapeData(`${r.summary.apis} API(s) changed, ${r.summary.breaking} breaking, ${r.summary.potentiallyBreaking} potentially breaking. Approvers: ${r.approvers.join(', ') || 'none'}. Consumer teams: ${r.consumerTeams.join(', ') || 'none'}.`)}`);
  return out.join('\n') + '\n';
}
