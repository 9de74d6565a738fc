/** JSON pointers (RFC 6901), the one implementation every module uses. */

/** A JSON pointer (RFC 6901), e.g. `/paths/~1orders/get/responses/200`. Empty string is the root. */
export type JsonPointer = string;

export function encodePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: JsonPointer, ...segments: Array<string | number>): JsonPointer {
  return base + segments.map((s) => '/' + encodePointerSegment(s)).join('');
}

/** Splits a pointer (or a `#`-prefixed fragment) into decoded segments. */
export function splitPointer(pointer: JsonPointer): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body.split('/').slice(1).map(decodePointerSegment);
}
