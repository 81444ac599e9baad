/**
 * tonumber(s, base) for bases other than 10: C's strtoul as Lua 5.1 uses it
 * (leading whitespace, an optional sign, "0x" for base 16, then only
 * trailing whitespace); a negative number wraps as unsigned long does.
 */
export function parseUnsignedInBase(text: string, base: number): number | undefined {
  let position = 0;
  while (position < text.length && isSpace(text[position] as string)) position += 1;
  let negative = false;
  if (text[position] === '-' || text[position] === '+') {
    negative = text[position] === '-';
    position += 1;
  }
  if (base === 16 && text[position] === '0' && (text[position + 1] === 'x' || text[position + 1] === 'X')) position += 2;
  let value = 0;
  const digitsStart = position;
  for (; position < text.length; position += 1) {
    const digit = digitValue(text[position] as string);
    if (digit === undefined || digit >= base) break;
    value = value * base + digit;
  }
  if (position === digitsStart) return undefined;
  while (position < text.length && isSpace(text[position] as string)) position += 1;
  if (position !== text.length) return undefined;
  const unsignedLongMax = 18446744073709551615;
  if (value > unsignedLongMax) value = unsignedLongMax;
  return negative && value !== 0 ? unsignedLongMax + 1 - value : value;
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f' || char === '\v';
}

function digitValue(char: string): number | undefined {
  const code = char.toLowerCase().charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return undefined;
}
