import type { CommandSpec } from '../command.js';

/** GEOADD GEODIST GEOHASH GEOPOS GEORADIUS* GEOSEARCH GEOSEARCHSTORE (geo.c). */
export const geoCommands: readonly CommandSpec[] = [];
