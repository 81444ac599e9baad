/** Branded units: a number that carries what it measures in its type. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Milliseconds. */
export type Ms = Brand<number, 'Ms'>;
/** Microseconds: the simulator's base unit of true time. */
export type Us = Brand<number, 'Us'>;
export type Bytes = Brand<number, 'Bytes'>;
export type HostId = Brand<string, 'HostId'>;
export type Incarnation = Brand<number, 'Incarnation'>;
export type ConnectionId = Brand<number, 'ConnectionId'>;

export const ms = (value: number): Ms => value as Ms;
export const us = (value: number): Us => value as Us;
export const bytes = (value: number): Bytes => value as Bytes;
export const hostId = (value: string): HostId => value as HostId;

export const US_PER_MS = 1000;
export const msToUs = (value: number): Us => Math.round(value * US_PER_MS) as Us;
export const usToMs = (value: number): Ms => (value / US_PER_MS) as Ms;
