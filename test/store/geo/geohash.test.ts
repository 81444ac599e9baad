import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellBits, decodeCell, decodeScore, deinterleave, encodeCell, encodeScore, geoLatitudeMax, geoLongitudeMax } from '../../../src/store/types/geohash.js';
import { geoDistance } from '../../../src/store/types/geohash-distance.js';
import { partialQuicksort } from '../../../src/store/types/partial-quicksort.js';

const longitude = fc.double({ min: -geoLongitudeMax, max: geoLongitudeMax, noNaN: true });
const latitude = fc.double({ min: -geoLatitudeMax, max: geoLatitudeMax, noNaN: true });

describe('the geohash', () => {
  it('interleaving puts latitude bits on even positions and longitude bits on odd ones, and deinterleaving inverts it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 26 }), fc.integer({ min: 0, max: 2 ** 26 }), (latitudeIndex, longitudeIndex) => {
        const bits = cellBits({ latitudeIndex, longitudeIndex, step: 26 });
        for (let bit = 0; bit < 27; bit++) {
          expect(Number((bits >> BigInt(2 * bit)) & 1n)).toBe(Math.floor(latitudeIndex / 2 ** bit) % 2);
          expect(Number((bits >> BigInt(2 * bit + 1)) & 1n)).toBe(Math.floor(longitudeIndex / 2 ** bit) % 2);
        }
        expect(deinterleave(Number(bits >> 32n), Number(bits & 0xffffffffn))).toEqual({ latitudeIndex, longitudeIndex });
      }),
    );
  });

  it('a point decodes to the centre of its step-26 cell, which contains it', () => {
    fc.assert(
      fc.property(longitude, latitude, (x, y) => {
        const cell = encodeCell(x, y, 26);
        expect(cell).toBeDefined();
        const area = decodeCell(cell as NonNullable<typeof cell>);
        const [decodedLongitude, decodedLatitude] = decodeScore(Number(encodeScore(x, y)));
        expect(x).toBeGreaterThanOrEqual(area.longitude.min - 1e-9);
        expect(x).toBeLessThanOrEqual(area.longitude.max + 1e-9);
        expect(Math.abs(decodedLongitude - x)).toBeLessThanOrEqual((area.longitude.max - area.longitude.min) / 2 + 1e-9);
        expect(Math.abs(decodedLatitude - y)).toBeLessThanOrEqual((area.latitude.max - area.latitude.min) / 2 + 1e-9);
      }),
    );
  });

  it('points outside the Web Mercator limits do not encode', () => {
    expect(encodeCell(180.0001, 0, 26)).toBeUndefined();
    expect(encodeCell(0, 85.06, 26)).toBeUndefined();
  });

  it('the distance is symmetric, zero to itself and at most half the circumference', () => {
    fc.assert(
      fc.property(longitude, latitude, longitude, latitude, (x1, y1, x2, y2) => {
        expect(geoDistance(x1, y1, x1, y1)).toBe(0);
        const distance = geoDistance(x1, y1, x2, y2);
        expect(Math.abs(distance - geoDistance(x2, y2, x1, y1))).toBeLessThanOrEqual(distance * 1e-12);
        expect(distance).toBeLessThanOrEqual(Math.PI * 6372797.560856 + 1e-6);
      }),
    );
  });
});

describe('pqsort', () => {
  it('puts the smallest items, sorted, in the requested ranks and keeps every item', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), fc.nat(), (values, seed) => {
        fc.pre(values.length > 0);
        const high = seed % values.length;
        const items = values.map((value, index) => ({ value, index }));
        partialQuicksort(items, (left, right) => left.value - right.value, 0, high);
        const sorted = [...values].sort((left, right) => left - right);
        expect(items.slice(0, high + 1).map((item) => item.value)).toEqual(sorted.slice(0, high + 1));
        expect(items.map((item) => item.index).sort((left, right) => left - right)).toEqual(values.map((_, index) => index));
      }),
    );
  });
});
