/**
 * sin, cos and asin rounded to nearest, as glibc's libm (which Redis calls)
 * returns them, where V8's fdlibm-derived Math.sin/cos/asin are sometimes
 * one ulp away. Each is evaluated in double-double arithmetic (~104 bits)
 * and then rounded once; a GEO distance then has the very bits Redis
 * computes. Arguments beyond |x| > 1e5 (absurd radii) fall back to Math.
 */

/** A double-double: the value is hi + lo with |lo| <= ulp(hi) / 2. */
interface DoubleDouble {
  readonly hi: number;
  readonly lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1
const HALF_PI: DoubleDouble = { hi: 1.5707963267948966, lo: 6.123233995736766e-17 };
const reductionLimit = 1e5;

function quickTwoSum(a: number, b: number): DoubleDouble {
  const sum = a + b;
  return { hi: sum, lo: b - (sum - a) };
}

function twoSum(a: number, b: number): DoubleDouble {
  const sum = a + b;
  const virtualB = sum - a;
  return { hi: sum, lo: a - (sum - virtualB) + (b - virtualB) };
}

function twoProduct(a: number, b: number): DoubleDouble {
  const product = a * b;
  const aSplit = SPLITTER * a;
  const aHigh = aSplit - (aSplit - a);
  const aLow = a - aHigh;
  const bSplit = SPLITTER * b;
  const bHigh = bSplit - (bSplit - b);
  const bLow = b - bHigh;
  return { hi: product, lo: aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow };
}

function add(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const sum = twoSum(a.hi, b.hi);
  const errors = twoSum(a.lo, b.lo);
  let high = quickTwoSum(sum.hi, sum.lo + errors.hi);
  high = quickTwoSum(high.hi, high.lo + errors.lo);
  return high;
}

function negate(a: DoubleDouble): DoubleDouble {
  return { hi: -a.hi, lo: -a.lo };
}

function multiply(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const product = twoProduct(a.hi, b.hi);
  return quickTwoSum(product.hi, product.lo + (a.hi * b.lo + a.lo * b.hi));
}

function divide(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const first = a.hi / b.hi;
  const remainder = add(a, negate(multiply(b, { hi: first, lo: 0 })));
  const second = remainder.hi / b.hi;
  const remainder2 = add(remainder, negate(multiply(b, { hi: second, lo: 0 })));
  const third = remainder2.hi / b.hi;
  return add(quickTwoSum(first, second), { hi: third, lo: 0 });
}

/** A double-double divided by a double. */
function divideByNumber(a: DoubleDouble, b: number): DoubleDouble {
  const first = a.hi / b;
  const product = twoProduct(first, b);
  const difference = twoSum(a.hi, -product.hi);
  const second = (difference.hi + (difference.lo - product.lo + a.lo)) / b;
  return quickTwoSum(first, second);
}

function scale(a: DoubleDouble, factor: number): DoubleDouble {
  return multiply(a, { hi: factor, lo: 0 });
}

/** Taylor series of sin (odd) or cos (even) for |x| <= pi/4. */
function series(x: DoubleDouble, odd: boolean): DoubleDouble {
  const square = multiply(x, x);
  let term: DoubleDouble = odd ? x : { hi: 1, lo: 0 };
  let sum = term;
  for (let n = odd ? 1 : 0; n < 60; n++) {
    const denominator = odd ? (2 * n) * (2 * n + 1) : (2 * n + 1) * (2 * n + 2);
    term = negate(divideByNumber(multiply(term, square), denominator));
    const next = add(sum, term);
    if (next.hi === sum.hi && next.lo === sum.lo) break;
    sum = next;
  }
  return sum;
}

/** sin (wantCosine false) or cos of a double-double, reduced by multiples of pi/2. */
function sinOrCos(x: DoubleDouble, wantCosine: boolean): DoubleDouble {
  const quadrants = Math.round(x.hi / HALF_PI.hi);
  const reduced = add(x, negate(scale(HALF_PI, quadrants)));
  const quadrant = (((quadrants + (wantCosine ? 1 : 0)) % 4) + 4) % 4;
  switch (quadrant) {
    case 0:
      return series(reduced, true);
    case 1:
      return series(reduced, false);
    case 2:
      return negate(series(reduced, true));
    default:
      return negate(series(reduced, false));
  }
}

export function sinRounded(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > reductionLimit || x === 0) return Math.sin(x);
  return sinOrCos({ hi: x, lo: 0 }, false).hi;
}

export function cosRounded(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > reductionLimit) return Math.cos(x);
  return sinOrCos({ hi: x, lo: 0 }, true).hi;
}

/** asin for |y| <= 0.5 in double-double: Newton's method on sin from Math.asin. */
function smallAsin(y: DoubleDouble): DoubleDouble {
  let t: DoubleDouble = { hi: Math.asin(y.hi), lo: 0 };
  for (let iteration = 0; iteration < 2; iteration++) {
    const error = add(sinOrCos(t, false), negate(y));
    t = add(t, negate(divide(error, sinOrCos(t, true))));
  }
  return t;
}

/** sqrt of a double in double-double (one Newton correction of Math.sqrt). */
function sqrtDoubleDouble(z: number): DoubleDouble {
  const root = Math.sqrt(z);
  if (root === 0) return { hi: 0, lo: 0 };
  const square = twoProduct(root, root);
  const residual = add({ hi: z, lo: 0 }, negate(square));
  return quickTwoSum(root, residual.hi / (2 * root));
}

/** asin rounded to nearest; beyond 0.5 through asin(y) = pi/2 - 2 asin(sqrt((1 - y) / 2)). */
export function asinRounded(y: number): number {
  if (!(Math.abs(y) <= 1) || y === 0) return Math.asin(y);
  const magnitude = Math.abs(y);
  let result: DoubleDouble;
  if (magnitude <= 0.5) result = smallAsin({ hi: magnitude, lo: 0 });
  else result = add(HALF_PI, negate(scale(smallAsin(sqrtDoubleDouble((1 - magnitude) / 2)), 2)));
  return y < 0 ? -result.hi : result.hi;
}
