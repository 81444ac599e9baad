/** A small RFC 4180 reader for the report tests: rows as records keyed by the header. */
export function csvRows(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      records.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  const [header, ...body] = records;
  return body.map((cells) => Object.fromEntries((header ?? []).map((name, column) => [name, cells[column] ?? ''])));
}
