/**
 * For breaking-change hovers: which guide pages show the changed operation or field
 * ("docs/orders.md line 12 shows this field"), so the author updates them with the spec.
 */
import type { Change } from '../../diff/types';
import { decodePointerSegment } from '../../jsonPointer';
import type { Guide } from './guideModel';

const MAX_NOTES = 8;

function relativeName(uri: string, folder: string): string {
  return decodeURIComponent(uri.startsWith(folder + '/') ? uri.slice(folder.length + 1) : uri.slice(uri.lastIndexOf('/') + 1));
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The property a change is about: the last `properties/<name>` segment of its pointer. */
function changedProperty(pointer: string): string | undefined {
  const m = /\/properties\/([^/]+)(?:\/[^/]*)?$/.exec(pointer);
  return m ? decodePointerSegment(m[1]) : undefined;
}

/** One line per guide place that shows what the changes touch (examples with the field first, then mentions). */
export function guideMentionNotes(changes: readonly Change[], guides: readonly Guide[], folder: string): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  const add = (guide: Guide, offset: number, what: string) => {
    const note = `${relativeName(guide.uri, folder)} line ${lineOf(guide.text, offset)} shows this ${what}`;
    if (!seen.has(note)) { seen.add(note); notes.push(note); }
  };
  for (const change of changes) {
    if (!change.operation) continue;
    const named = (m: { operation: { method: string; path: string } }) => `${m.operation.method} ${m.operation.path}` === change.operation;
    const property = changedProperty(change.pointer);
    for (const guide of guides) {
      if (property) {
        for (const example of guide.examples) {
          if (!example.matches.some(named) || (change.direction && change.direction !== example.direction)) continue;
          const key = new RegExp(`(^|[\\s{,])"?${property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*:`, 'm').exec(example.fence.content);
          if (key) add(guide, example.fence.contentOffset + key.index + key[1].length, 'field');
        }
      }
      for (const mention of guide.mentions) if (mention.matches.some(named)) add(guide, mention.offset, 'operation');
    }
  }
  return notes.length > MAX_NOTES ? [...notes.slice(0, MAX_NOTES), `and ${notes.length - MAX_NOTES} more`] : notes;
}
