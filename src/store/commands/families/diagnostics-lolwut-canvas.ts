/** lolwut.c's canvas: a grid of small integer colours, 0 outside the grid. */
export class LolwutCanvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: number,
  ) {
    this.pixels = new Uint8Array(width * height).fill(background);
  }

  drawPixel(x: number, y: number, color: number): void {
    if (x < 0 || x >= this.width || y < 0 || y >= this.height) return;
    this.pixels[x + y * this.width] = color;
  }

  pixel(x: number, y: number): number {
    if (x < 0 || x >= this.width || y < 0 || y >= this.height) return 0;
    return this.pixels[x + y * this.width] as number;
  }

  /** lwDrawLine: Bresenham from (x1, y1) to (x2, y2). */
  drawLine(fromX: number, fromY: number, toX: number, toY: number, color: number): void {
    const dx = Math.abs(toX - fromX);
    const dy = Math.abs(toY - fromY);
    const stepX = fromX < toX ? 1 : -1;
    const stepY = fromY < toY ? 1 : -1;
    let error = dx - dy;
    let x = fromX;
    let y = fromY;
    for (let steps = 0; steps <= dx + dy + 1; steps++) {
      this.drawPixel(x, y, color);
      if (x === toX && y === toY) break;
      const doubled = error * 2;
      if (doubled > -dy) {
        error -= dy;
        x += stepX;
      }
      if (doubled < dx) {
        error += dx;
        y += stepY;
      }
    }
  }

  /** lwDrawSquare: a square of side `size` centred on (x, y), rotated by `angle`, in C float arithmetic. */
  drawSquare(x: number, y: number, size: number, angle: number, color: number): void {
    const radius = roundHalfAwayFromZero(Math.fround(Math.fround(size) / 1.4142135623));
    let k = Math.fround(Math.PI / 4 + angle);
    const pointsX: number[] = [];
    const pointsY: number[] = [];
    for (let corner = 0; corner < 4; corner++) {
      pointsX.push(roundHalfAwayFromZero(Math.sin(k) * radius + x));
      pointsY.push(roundHalfAwayFromZero(Math.cos(k) * radius + y));
      k = Math.fround(k + Math.PI / 2);
    }
    for (let corner = 0; corner < 4; corner++) {
      const next = (corner + 1) % 4;
      this.drawLine(pointsX[corner] as number, pointsY[corner] as number, pointsX[next] as number, pointsY[next] as number, color);
    }
  }
}

/** C's round(): halves away from zero. */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** lolwut5's renderCanvas: 2x4 pixel groups as Braille characters (U+2800 + bits), rows of groups joined by newlines. */
export function renderBraille(canvas: LolwutCanvas): string {
  const lines: string[] = [];
  for (let y = 0; y < canvas.height; y += 4) {
    let line = '';
    for (let x = 0; x < canvas.width; x += 2) {
      const offsets: readonly (readonly [number, number])[] = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [0, 3], [1, 3]];
      let bits = 0;
      offsets.forEach(([dx, dy], bit) => {
        if (canvas.pixel(x + dx, y + dy) !== 0) bits |= 1 << bit;
      });
      line += String.fromCharCode(0x2800 + bits);
    }
    lines.push(line);
  }
  // Redis separates rows with a newline unless the row started on the canvas's last pixel line.
  let text = '';
  lines.forEach((line, index) => {
    text += line;
    if (index * 4 !== canvas.height - 1) text += '\n';
  });
  return text;
}

const GRAY_ESCAPES: readonly string[] = ['0;30;40m', '0;90;100m', '0;37;47m', '0;97;107m'];

/** lolwut6's renderCanvas: one coloured space per pixel, in the four grays of the standard palette. */
export function renderGrays(canvas: LolwutCanvas): string {
  let text = '';
  for (let y = 0; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++) text += `\x1b[${GRAY_ESCAPES[canvas.pixel(x, y)] ?? GRAY_ESCAPES[0]} \x1b[0m`;
    if (y !== canvas.height - 1) text += '\n';
  }
  return text;
}
