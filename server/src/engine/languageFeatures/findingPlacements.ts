import type { JsonPointer } from '../jsonPointer';
import { provenanceOf, type ParsedDocument } from '../document/parsedDocument';
import type { FindingTarget } from '../style/types';

type Offsets = readonly [number, number];

/**
 * Where each style finding landed in the last version of a document. The incremental style guide
 * hands an edit's unchanged entries the same finding objects, and the incremental parse shares or
 * moves every node outside the re-parsed region, so those findings need no lookup in the new tree
 * (on Twilio, ~800 lookups per keystroke). Findings whose place overlaps the region are looked up,
 * and so are those placed on an ancestor (their member may now exist, inside the region).
 */
export class FindingPlacements {
  private doc: ParsedDocument | undefined;
  private offsets = new WeakMap<object, Offsets>();

  /** The offsets lookup for `doc`'s findings; asked once per version, the versions in order. */
  forVersion(doc: ParsedDocument): (finding: object, pointer: JsonPointer, target: FindingTarget) => Offsets | undefined {
    const reparsed = provenanceOf(doc)?.reparsed;
    const carried = this.doc !== undefined && reparsed?.previous.deref() === this.doc ? this.offsets : undefined;
    const placed = new WeakMap<object, Offsets>();
    this.doc = doc;
    this.offsets = placed;
    return (finding, pointer, target) => {
      const before = carried?.get(finding);
      let offsets: Offsets | undefined;
      if (before && reparsed) {
        if (before[1] <= reparsed.start) offsets = before;
        else if (before[0] >= reparsed.oldEnd) offsets = [before[0] + reparsed.delta, before[1] + reparsed.delta];
      }
      if (offsets) {
        placed.set(finding, offsets);
        return offsets;
      }
      const place = doc.placeOf(pointer, target);
      if (place?.exact) placed.set(finding, place.offsets);
      return place?.offsets;
    };
  }
}
