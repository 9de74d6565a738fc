/** Markdown docs for change ids, generated from the registry (docs/changes/). */
import { changeRegistry } from './registry';
import type { ChangeLevel } from './types';

const LEVEL_LABEL: Record<ChangeLevel, string> = {
  breaking: 'breaking',
  'potentially-breaking': 'potentially breaking',
  'non-breaking': 'non-breaking',
};

export function renderChangeDoc(id: string): string {
  const rule = changeRegistry.get(id);
  if (!rule) throw new Error(`unknown change id ${id}`);
  return [
    `# \`${id}\``,
    '',
    `**Level:** ${LEVEL_LABEL[rule.level]}`,
    '',
    '## What changed',
    '',
    rule.description,
    '',
    '## Who breaks',
    '',
    rule.whoBreaks,
    '',
    '## What to do instead',
    '',
    rule.whatToDo,
    '',
    ...(rule.rationale ? ['## Why this level', '', rule.rationale, ''] : []),
    '<!-- Generated from the change registry by scripts/gen-change-docs.mjs; do not edit. -->',
    '',
  ].join('\n');
}

export function renderChangeIndex(): string {
  const rows = [...changeRegistry.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => `| [\`${r.id}\`](${r.id}.md) | ${LEVEL_LABEL[r.level]} | ${r.title.replace(/\|/g, '\\|')} |`);
  return [
    '# Change ids',
    '',
    `Specgate's breaking-change engine reports ${changeRegistry.size} kinds of change. Levels: **breaking** (existing clients fail), **potentially breaking** (some clients may fail), **non-breaking**.`,
    '',
    '| Id | Level | What changed |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '<!-- Generated from the change registry by scripts/gen-change-docs.mjs; do not edit. -->',
    '',
  ].join('\n');
}
