import type { Located } from '../refs';
import { joinPointer, splitPointer } from '../jsonPointer';

/**
 * The nodes the diff paired (operations by method and path, parameters by name and `in`,
 * responses by status code, media types, schemas and their properties), base → revision.
 * A removal is anchored through it, never by array index: when parameters shift, index 1 in the
 * base is not index 1 in the revision.
 */
export class Pairing {
  private readonly byBase = new Map<string, Located>();

  record(base: Located, revision: Located): void {
    this.byBase.set(`${base.uri}#${base.pointer}`, revision);
  }

  /** The revision node paired with the nearest paired ancestor of a base pointer (or itself). */
  anchorOf(uri: string, pointer: string): { uri: string; pointer: string; rest: string[] } | undefined {
    const segments = splitPointer(pointer);
    for (let i = segments.length; i >= 0; i--) {
      const paired = this.byBase.get(`${uri}#${joinPointer('', ...segments.slice(0, i))}`);
      if (paired) return { uri: paired.uri, pointer: paired.pointer, rest: segments.slice(i) };
    }
    return undefined;
  }
}
