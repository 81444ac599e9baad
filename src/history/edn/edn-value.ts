/**
 * The EDN data model, as far as Jepsen histories need it. Strings, integers,
 * floats, booleans and nil are JS values; everything else is a tagged object.
 */
export type EdnValue =
  | null
  | boolean
  | number
  | string
  | EdnKeyword
  | EdnSymbol
  | EdnCharacter
  | EdnVector
  | EdnList
  | EdnSet
  | EdnMap
  | EdnTagged;

export interface EdnKeyword {
  readonly kind: 'keyword';
  /** Without the leading colon: `:f` has name `f`. */
  readonly name: string;
}
export interface EdnSymbol {
  readonly kind: 'symbol';
  readonly name: string;
}
export interface EdnCharacter {
  readonly kind: 'character';
  readonly text: string;
}
export interface EdnVector {
  readonly kind: 'vector';
  readonly items: readonly EdnValue[];
}
export interface EdnList {
  readonly kind: 'list';
  readonly items: readonly EdnValue[];
}
export interface EdnSet {
  readonly kind: 'set';
  readonly items: readonly EdnValue[];
}
export interface EdnMap {
  readonly kind: 'map';
  readonly entries: readonly (readonly [EdnValue, EdnValue])[];
  /** The line the map opens on, when read from text. */
  readonly line?: number;
}
/** `#tag value`, e.g. `#jepsen.history.Op{...}` or `#inst "..."`. */
export interface EdnTagged {
  readonly kind: 'tagged';
  readonly tag: string;
  readonly value: EdnValue;
}

export const ednKeyword = (name: string): EdnKeyword => ({ kind: 'keyword', name });
export const ednVector = (items: readonly EdnValue[]): EdnVector => ({ kind: 'vector', items });
export const ednMap = (entries: readonly (readonly [EdnValue, EdnValue])[]): EdnMap => ({ kind: 'map', entries });

export function isEdnKeyword(value: EdnValue): value is EdnKeyword {
  return typeof value === 'object' && value !== null && value.kind === 'keyword';
}

/** A top-level form with the line it starts on (1-based), for error messages. */
export interface EdnForm {
  readonly value: EdnValue;
  readonly line: number;
}
