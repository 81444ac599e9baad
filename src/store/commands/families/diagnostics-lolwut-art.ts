import { LolwutCanvas } from './diagnostics-lolwut-canvas.js';

/** The C library's rand(): an integer in [0, RAND_MAX]. */
export type CRandom = () => number;
export const RAND_MAX = 2147483647;

/** lwDrawSchotter (LOLWUT 5): rows of squares, rotated and shifted more and more at random going down. */
export function drawSchotter(rand: CRandom, consoleColumns: number, squaresPerRow: number, squaresPerColumn: number): LolwutCanvas {
  const width = consoleColumns * 2;
  const padding = width > 4 ? 2 : 0;
  const side = Math.fround((width - padding * 2) / squaresPerRow);
  const height = Math.trunc(Math.fround(Math.fround(side * squaresPerColumn) + padding * 2));
  const canvas = new LolwutCanvas(width, height, 0);
  const randomShare = (row: number): number => {
    const value = Math.fround(Math.fround(Math.fround(rand() / RAND_MAX) / squaresPerColumn) * row);
    return value;
  };
  for (let row = 0; row < squaresPerColumn; row++) {
    for (let column = 0; column < squaresPerRow; column++) {
      let x = Math.trunc(Math.fround(Math.fround(column * side) + side / 2) + padding);
      let y = Math.trunc(Math.fround(Math.fround(row * side) + side / 2) + padding);
      let angle = 0;
      if (row > 1) {
        let r1 = randomShare(row);
        let r2 = randomShare(row);
        let r3 = randomShare(row);
        if (rand() % 2 !== 0) r1 = -r1;
        if (rand() % 2 !== 0) r2 = -r2;
        if (rand() % 2 !== 0) r3 = -r3;
        angle = r1;
        x = Math.trunc(x + Math.fround((r2 * side) / 3));
        y = Math.trunc(y + Math.fround((r3 * side) / 3));
      }
      canvas.drawSquare(x, y, side, angle, 1);
    }
  }
  return canvas;
}

interface Skyscraper {
  readonly offsetX: number;
  readonly width: number;
  readonly height: number;
  readonly windows: boolean;
  readonly color: number;
}

/** generateSkyscraper: a building from the bottom row up, its roof narrower, windows lit at random. */
function drawSkyscraper(canvas: LolwutCanvas, rand: CRandom, building: Skyscraper): void {
  const startY = canvas.height - 1;
  const endY = startY - building.height + 1;
  const lastX = building.offsetX + building.width;
  for (let y = startY; y >= endY; y--) {
    for (let x = building.offsetX; x < lastX; x++) {
      if (y === endY && (x <= building.offsetX + 1 || x >= lastX - 2)) continue;
      let color = building.color;
      if (building.windows && x > building.offsetX + 1 && x < lastX - 2 && y > endY + 1 && y < startY - 1) {
        const relativeX = x - (building.offsetX + 1);
        const relativeY = y - (endY + 1);
        if (Math.trunc(relativeX / 2) % 2 !== 0 && relativeY % 2 !== 0) {
          do color = 1 + (rand() % 2);
          while (color === building.color);
          if (relativeX % 2 !== 0) color = canvas.pixel(x - 1, y);
        }
      }
      canvas.drawPixel(x, y, color);
    }
  }
}

/** generateSkyline (LOLWUT 6): two rows of gray buildings behind a row of black ones with windows. */
export function drawSkyline(rand: CRandom, columns: number, rows: number): LolwutCanvas {
  const canvas = new LolwutCanvas(columns, rows, 3);
  for (let color = 2; color >= 1; color--) {
    for (let offset = -10; offset < canvas.width; ) {
      offset += rand() % 8;
      const width = 10 + (rand() % 9);
      const height = color === 2 ? Math.trunc(rows / 2) + Math.trunc((rand() % rows) / 2) : Math.trunc(rows / 2) + Math.trunc((rand() % rows) / 3);
      drawSkyscraper(canvas, rand, { offsetX: offset, width, height, windows: false, color });
      offset += color === 2 ? Math.trunc(width / 2) : width + 1;
    }
  }
  for (let offset = -10; offset < canvas.width; ) {
    offset += rand() % 8;
    let width = 5 + (rand() % 14);
    if (width % 4 !== 0) width += width % 3;
    const height = Math.trunc(rows / 3) + Math.trunc((rand() % rows) / 2);
    drawSkyscraper(canvas, rand, { offsetX: offset, width, height, windows: true, color: 0 });
    offset += width + 5;
  }
  return canvas;
}
