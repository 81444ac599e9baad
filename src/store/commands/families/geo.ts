/**
 * The GEO family (geo.c), with arity, flags, ACL categories and key
 * positions as Redis 7.0.15's src/commands/geo*.json give them. GEO values
 * are sorted sets whose scores are 52-bit geohashes.
 */
import type { CommandContext, CommandFlag, CommandSpec } from '../command.js';
import { geoaddCommand, geodistCommand, geohashCommand, geoposCommand } from './geo-commands.js';
import { georadiusGeneric } from './geo-radius.js';
import type { GeoVariant } from './geo-radius-options.js';
import { isOption } from './strings-shared.js';

type Handler = (ctx: CommandContext) => void;

function geoCommand(name: string, arity: number, flags: readonly CommandFlag[], lastKey: number, handler: Handler, getKeys?: (argv: readonly Buffer[]) => number[]): CommandSpec {
  const access = flags.includes('write') ? 'write' : 'read';
  const spec: CommandSpec = { name, arity, flags, categories: [access, 'geo', 'slow'], firstKey: 1, lastKey, keyStep: 1, handler };
  return getKeys === undefined ? spec : { ...spec, getKeys };
}

/**
 * The keys COMMAND GETKEYS (and every key lookup of 7.0) finds through the
 * key specs: the source, then the argument after the first STORE and after
 * the first STOREDIST at or after `startFrom` (a keyword in the last
 * position is not searched, as getKeysUsingKeySpecs stops before it).
 */
function radiusKeys(startFrom: number): (argv: readonly Buffer[]) => number[] {
  return (argv) => {
    const keys = [1];
    for (const keyword of ['store', 'storedist']) {
      for (let index = startFrom; index < argv.length - 1; index++) {
        if (isOption(argv[index], keyword)) {
          keys.push(index + 1);
          break;
        }
      }
    }
    return keys;
  };
}

const variant = (overrides: Partial<GeoVariant>): GeoVariant => ({ byMember: false, noStore: false, search: false, searchStore: false, ...overrides });

/** GEOADD GEODIST GEOHASH GEOPOS GEORADIUS* GEOSEARCH GEOSEARCHSTORE (geo.c). */
export const geoCommands: readonly CommandSpec[] = [
  geoCommand('geoadd', -5, ['write', 'denyoom'], 1, geoaddCommand),
  geoCommand('geodist', -4, ['readonly'], 1, geodistCommand),
  geoCommand('geohash', -2, ['readonly'], 1, geohashCommand),
  geoCommand('geopos', -2, ['readonly'], 1, geoposCommand),
  geoCommand('georadius', -6, ['write', 'denyoom'], 1, (ctx) => georadiusGeneric(ctx, 1, variant({})), radiusKeys(6)),
  geoCommand('georadiusbymember', -5, ['write', 'denyoom'], 1, (ctx) => georadiusGeneric(ctx, 1, variant({ byMember: true })), radiusKeys(5)),
  geoCommand('georadius_ro', -6, ['readonly'], 1, (ctx) => georadiusGeneric(ctx, 1, variant({ noStore: true }))),
  geoCommand('georadiusbymember_ro', -5, ['readonly'], 1, (ctx) => georadiusGeneric(ctx, 1, variant({ byMember: true, noStore: true }))),
  geoCommand('geosearch', -7, ['readonly'], 1, (ctx) => georadiusGeneric(ctx, 1, variant({ search: true }))),
  geoCommand('geosearchstore', -8, ['write', 'denyoom'], 2, (ctx) => georadiusGeneric(ctx, 2, variant({ search: true, searchStore: true }))),
];
