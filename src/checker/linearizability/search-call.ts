/**
 * One operation as the search sees it: its model input and its interval in
 * history positions. `returnPosition` is Infinity for an operation whose
 * outcome is unknown: it may take effect at any time after its invocation,
 * or never, so the search need not linearize it.
 */
export interface SearchCall<Input> {
  readonly input: Input;
  readonly invokePosition: number;
  readonly returnPosition: number;
}

export function isRequiredCall(call: SearchCall<unknown>): boolean {
  return Number.isFinite(call.returnPosition);
}
