/**
 * Hovers for authoring: on a `$ref` (or mapping value, operationRef), the first lines of its
 * target; on an OpenAPI key, the specification's description of that field (openapiKeys.ts).
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../document/parsedDocument';
import { basenameUri } from '../uri';
import { throwIfCancelled, type Cancellation } from '../references/cancellation';
import { definitionTarget } from './definition';
import { describeField } from './openapiKeys';
import { elementAt, spanOf, type NavigationFiles } from './targets';

export const PREVIEW_LINES = 15;

/** The first lines of the member at `pointer`, dedented; undefined when it does not exist. */
export function previewOf(doc: ParsedDocument, pointer: string, maxLines = PREVIEW_LINES): string | undefined {
  let text: string;
  if (pointer === '') text = doc.text;
  else {
    const span = spanOf(doc, pointer);
    if (!span) return undefined;
    const start = doc.textDocument.offsetAt({ line: span.range.start.line, character: 0 });
    text = doc.text.slice(start, doc.textDocument.offsetAt(span.range.end));
  }
  const lines = text.split(/\r?\n/, maxLines + 1);
  const shown = lines.slice(0, maxLines);
  const indent = Math.min(...shown.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  const body = shown.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
  return lines.length > maxLines ? `${body}\n…` : body;
}

export async function navigationHover(doc: ParsedDocument, position: Position, files: NavigationFiles, token?: Cancellation): Promise<Hover | undefined> {
  if (doc.format === 'arazzo1') return undefined;
  const el = elementAt(doc, position);
  if (!el) return undefined;
  const target = el.target === 'value' ? definitionTarget(doc, position) : undefined;
  if (target) {
    const file = target.uri === doc.uri ? doc : await files.parse(target.uri);
    throwIfCancelled(token);
    const preview = file ? previewOf(file, target.pointer) : undefined;
    if (!preview) return undefined;
    const language = file!.uri.endsWith('.json') ? 'json' : 'yaml';
    const where = `${target.uri === doc.uri ? '' : basenameUri(target.uri)}${target.pointer === '' ? '' : '#' + target.pointer}`;
    return { contents: { kind: MarkupKind.Markdown, value: `\`${where}\`\n\n\`\`\`${language}\n${preview}\n\`\`\`` } };
  }
  if (el.target !== 'key' || !doc.format) return undefined;
  const key = el.segments[el.segments.length - 1];
  const field = describeField(el.segments.slice(0, -1), key, doc.format);
  return field ? { contents: { kind: MarkupKind.Markdown, value: `**${key}** (${field.kind} field)\n\n${field.description}` } } : undefined;
}
