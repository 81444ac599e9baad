/**
 * C's `printf("%.17g", value)` for finite doubles, as Redis formats scores
 * and INCRBYFLOAT-style replies: 17 significant digits, trailing zeros
 * removed, exponent form when the exponent is below -4 or at least 17.
 * Infinities are spelled `inf`/`-inf` (Redis writes them explicitly) and NaN
 * `nan`.
 */
export function formatDoubleG17(value: number): string {
  return formatDoubleG(value, 17);
}

/** `%.<precision>g` for any precision from 1 to 21. */
export function formatDoubleG(value: number, precision: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const exponential = value.toExponential(precision - 1);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exponential);
  if (match === null) return exponential;
  const sign = match[1] ?? '';
  const digits = (match[2] ?? '') + (match[3] ?? '');
  const exponent = Number(match[4]);
  if (exponent < -4 || exponent >= precision) {
    const mantissa = stripZeros(digits.slice(0, 1) + '.' + digits.slice(1));
    const exponentText = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${exponentText}`;
  }
  if (exponent < 0) return sign + stripZeros('0.' + '0'.repeat(-exponent - 1) + digits);
  const integerPart = digits.slice(0, exponent + 1);
  const fraction = digits.slice(exponent + 1);
  return sign + stripZeros(fraction.length > 0 ? `${integerPart}.${fraction}` : integerPart);
}

function stripZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}
