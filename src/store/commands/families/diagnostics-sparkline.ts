/** sparkline.c's characters: three steps per row, filled below the line. */
const CHARSET_FILL = '_o#';
const STEPS_PER_ROW = CHARSET_FILL.length;
const LABEL_MARGIN_TOP = 1;

export interface SparklineSample {
  readonly value: number;
  readonly label: string;
}

function stepOf(value: number, minimum: number, relativeMaximum: number, steps: number): number {
  const step = Math.trunc(Math.trunc((value - minimum) * steps) / relativeMaximum);
  return Math.min(Math.max(step, 0), steps - 1);
}

/** One row of the graph part: the fill character of each sample at this row. */
function graphRow(samples: readonly SparklineSample[], steps: readonly number[], rows: number, row: number): string {
  let text = '';
  for (let index = 0; index < samples.length; index++) {
    const charIndex = (steps[index] as number) - (rows - row - 1) * STEPS_PER_ROW;
    if (charIndex >= 0 && charIndex < STEPS_PER_ROW) text += CHARSET_FILL[charIndex];
    else text += charIndex >= STEPS_PER_ROW ? '|' : ' ';
  }
  return text;
}

/** One row of the labels part: the label's character at this depth, or undefined once every label has ended. */
function labelRow(samples: readonly SparklineSample[], depth: number): string | undefined {
  let text = '';
  let any = false;
  for (const sample of samples) {
    if (sample.label.length > depth) {
      any = true;
      text += sample.label[depth];
    } else {
      text += ' ';
    }
  }
  return any ? text : undefined;
}

/**
 * sparklineRenderRange with SPARKLINE_FILL over one range of samples: the
 * graph rows, a blank spacing row, then the labels written vertically.
 */
function renderRange(samples: readonly SparklineSample[], minimum: number, maximum: number, rows: number): string {
  const relativeMaximum = maximum - minimum === 0 ? 1 : maximum - minimum;
  const steps = samples.map((sample) => stepOf(sample.value, minimum, relativeMaximum, STEPS_PER_ROW * rows));
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) lines.push(graphRow(samples, steps, rows, row));
  const labelled = samples.some((sample) => sample.label !== '');
  if (labelled) {
    for (let margin = 0; margin < LABEL_MARGIN_TOP; margin++) lines.push(' '.repeat(samples.length));
    for (let depth = 0; depth < 64; depth++) {
      const line = labelRow(samples, depth);
      if (line === undefined) break;
      lines.push(line);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** sparklineRender: the samples in blocks of `columns`, blocks separated by a blank line. */
export function renderSparkline(samples: readonly SparklineSample[], columns: number, rows: number): string {
  if (samples.length === 0) return '';
  let minimum = (samples[0] as SparklineSample).value;
  let maximum = minimum;
  for (const sample of samples) {
    minimum = Math.min(minimum, sample.value);
    maximum = Math.max(maximum, sample.value);
  }
  const blocks: string[] = [];
  for (let start = 0; start < samples.length; start += columns) {
    blocks.push(renderRange(samples.slice(start, start + columns), minimum, maximum, rows));
  }
  return blocks.join('\n');
}
