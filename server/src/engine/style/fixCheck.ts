/**
 * Every rename a finding offers is checked against all built-in rules before it is offered: the
 * renames are applied to a copy of the document (copy-on-write along the renamed paths), the rules run
 * again, and a rename whose new name is flagged (`min_last_updated_datetime` → `min_last_updated_at`,
 * which the glossary flags again) is replaced by the follow-up rename when there is one, or dropped.
 */
import { isObj } from '../openapi';
import { encodePointerSegment, joinPointer, splitPointer, type JsonPointer } from '../jsonPointer';
import type { StyleFinding } from './registry';

/** Run the rules on the renamed document of round `round` (0: the offered renames, 1: the follow-ups). */
type Rerun = (document: unknown, round: number) => StyleFinding[];
type ApplyRenames = (document: unknown, renames: readonly Rename[], round: number) => unknown;

export interface Rename {
  finding: StyleFinding;
  newName: string;
}

function renameOf(f: StyleFinding): string | undefined {
  return f.fix?.kind === 'rename' && typeof f.fix.newName === 'string' ? f.fix.newName : undefined;
}

/** A copy of `root` with the renames applied; shares every untouched object with the original. */
export function applyRenames(root: unknown, renames: readonly Rename[]): unknown {
  if (!isObj(root)) return root;
  const copies = new Map<string, Record<string, unknown> | unknown[]>();
  const copyRoot = { ...root };
  copies.set('', copyRoot);
  /** The copy of the container at `segs`, copying every ancestor on the way (original keys). */
  const containerAt = (segs: string[]): Record<string, unknown> | unknown[] | undefined => {
    let current: Record<string, unknown> | unknown[] = copyRoot;
    for (let i = 0; i < segs.length; i++) {
      const key = joinPointer('', ...segs.slice(0, i + 1));
      let next = copies.get(key);
      if (!next) {
        const child: unknown = (current as Record<string, unknown>)[segs[i]];
        if (Array.isArray(child)) next = [...child];
        else if (isObj(child)) next = { ...child };
        else return undefined;
        (current as Record<string, unknown>)[segs[i]] = next;
        copies.set(key, next);
      }
      current = next;
    }
    return current;
  };
  // Values first, then keys from the deepest up, so that every path is still spelled with its old keys.
  const ordered = [...renames].sort((a, b) =>
    a.finding.target !== b.finding.target ? (a.finding.target === 'value' ? -1 : 1) : b.finding.pointer.length - a.finding.pointer.length,
  );
  // A map's keys are renamed on a list of its keys and the map is rebuilt once at the end:
  // rebuilding it per rename was quadratic (hundreds of renamed schema names in one map).
  const pendingKeys = new Map<Record<string, unknown>, { keys: string[]; index: Map<string, number> }>();
  for (const { finding, newName } of ordered) {
    const segs = splitPointer(finding.pointer);
    const last = segs.pop();
    if (last === undefined) continue;
    const parent = containerAt(segs);
    if (!parent) continue;
    if (finding.target === 'value') {
      (parent as Record<string, unknown>)[last] = newName;
      continue;
    }
    if (Array.isArray(parent)) continue;
    let pending = pendingKeys.get(parent);
    if (!pending) {
      const keys = Object.keys(parent);
      pendingKeys.set(parent, (pending = { keys, index: new Map(keys.map((k, i) => [k, i])) }));
    }
    const at = pending.index.get(last);
    if (at === undefined || pending.index.has(newName)) continue;
    pending.keys[at] = newName;
    pending.index.delete(last);
    pending.index.set(newName, at);
  }
  for (const [parent, { keys }] of pendingKeys) {
    const values = Object.values(parent);
    for (const k of Object.keys(parent)) delete parent[k];
    keys.forEach((k, i) => (parent[k] = values[i]));
  }
  return copyRoot;
}

/** Where a renamed element sits in the renamed document: every renamed key on its path is replaced. */
function renamedPointer(pointer: JsonPointer, keyRenames: Map<JsonPointer, string>): JsonPointer {
  if (pointer === '' || !hasRenamedPrefix(pointer, keyRenames)) return pointer;
  // Pointers are canonical, so each prefix is the substring before a `/` and unrenamed segments stay as written.
  let out = '';
  let from = 0;
  for (let at = pointer.indexOf('/', 1); ; at = pointer.indexOf('/', at + 1)) {
    const end = at < 0 ? pointer.length : at;
    const newName = keyRenames.get(pointer.slice(0, end));
    out += newName === undefined ? pointer.slice(from, end) : `/${encodePointerSegment(newName)}`;
    from = end;
    if (at < 0) return out;
  }
}

/** Some key on the pointer's path is renamed (pointers are canonical: each prefix is a substring up to a `/`). */
function hasRenamedPrefix(pointer: JsonPointer, keyRenames: Map<JsonPointer, string>): boolean {
  if (keyRenames.size === 0) return false;
  for (let at = pointer.indexOf('/', 1); at > 0; at = pointer.indexOf('/', at + 1)) if (keyRenames.has(pointer.slice(0, at))) return true;
  return keyRenames.has(pointer);
}

function byPointer(findings: readonly StyleFinding[]): Map<JsonPointer, StyleFinding[]> {
  const out = new Map<JsonPointer, StyleFinding[]>();
  for (const f of findings) {
    const list = out.get(f.pointer);
    if (list) list.push(f);
    else out.set(f.pointer, [f]);
  }
  return out;
}

/** The findings the renamed element would get that the original did not have (or the same rule again). */
function produced(rename: Rename, before: Map<JsonPointer, StyleFinding[]>, after: Map<JsonPointer, StyleFinding[]>, keyRenames: Map<JsonPointer, string>) {
  const f = rename.finding;
  const had = new Set((before.get(f.pointer) ?? []).filter((g) => g !== f).map((g) => g.ruleId));
  const at = after.get(renamedPointer(f.pointer, keyRenames)) ?? [];
  return at.filter((g) => g.target === f.target && (g.ruleId === f.ruleId || !had.has(g.ruleId)));
}

/** The message without its rename suggestion, saying why none is offered. */
function withoutSuggestion(f: StyleFinding, newName: string, blockers: readonly StyleFinding[]): string {
  const quoted = `"${newName}"`;
  const at = f.message.lastIndexOf(quoted);
  const cut = at < 0 ? -1 : Math.max(f.message.lastIndexOf(';', at), f.message.lastIndexOf(':', at));
  const head = cut > 0 ? f.message.slice(0, cut) : f.message.replace(/\.$/, '');
  const rules = [...new Set(blockers.map((b) => b.ruleId))].join(', ');
  return `${head}. No rename is offered: ${quoted} would itself be reported (${rules}).`;
}

export function checkRenameFixes(document: unknown, findings: StyleFinding[], rerun: Rerun, apply: ApplyRenames = applyRenames): StyleFinding[] {
  let renames: Rename[] = findings.flatMap((finding) => {
    const newName = renameOf(finding);
    return newName === undefined ? [] : [{ finding, newName }];
  });
  if (renames.length === 0) return findings;
  const before = byPointer(findings);
  const replaced = new Map<StyleFinding, StyleFinding>();
  const originalOf = new Map<StyleFinding, StyleFinding>();
  // Round 1 checks the offered renames; round 2 checks the follow-up renames that replaced failing ones.
  for (let round = 0; round < 2 && renames.length > 0; round++) {
    const keyRenames = new Map(renames.filter((r) => r.finding.target === 'key').map((r) => [r.finding.pointer, r.newName]));
    const after = byPointer(rerun(apply(document, renames, round), round));
    const retry: Rename[] = [];
    for (const rename of renames) {
      const blockers = produced(rename, before, after, keyRenames);
      if (blockers.length === 0) continue;
      const original = originalOf.get(rename.finding) ?? rename.finding;
      const followUp = blockers.map(renameOf).find((n) => n !== undefined);
      if (round === 0 && followUp !== undefined && followUp !== renameOf(original)) {
        const first = renameOf(original)!;
        const next: StyleFinding = { ...original, message: original.message.split(`"${first}"`).join(`"${followUp}"`), fix: { ...original.fix!, newName: followUp } };
        replaced.set(original, next);
        originalOf.set(next, original);
        retry.push({ finding: next, newName: followUp });
        continue;
      }
      replaced.set(original, { ...original, message: withoutSuggestion(rename.finding, rename.newName, blockers), fix: undefined });
    }
    renames = retry;
  }
  return findings.map((f) => replaced.get(f) ?? f);
}
