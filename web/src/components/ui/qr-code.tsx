import { create } from 'qrcode';
import { useMemo } from 'react';

/** Light modules around the code, as the QR specification asks, so scanners find its edges. */
const QUIET_ZONE = 4;

/**
 * The dark modules of a code {@code size} modules wide as one SVG path, a unit square each (run-length per row, so
 * a 57-module code stays a path of a few hundred commands rather than thousands of elements).
 */
export function modulesPath(size: number, dark: (row: number, column: number) => boolean): string {
  const commands: string[] = [];
  for (let row = 0; row < size; row += 1) {
    let column = 0;
    while (column < size) {
      if (!dark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && dark(row, column)) {
        column += 1;
      }
      commands.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${column - start}v1h${start - column}z`);
    }
  }
  return commands.join('');
}

/**
 * {@code text} as a QR code, drawn in the page as SVG: nothing leaves the browser (the text may be
 * a secret) and nothing needs a relaxed Content-Security-Policy (no inline style, no data: URL).
 * Always dark on light, whatever the theme, since scanners expect that.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const path = useMemo(() => {
    // level M: a code a phone reads off a screen, a little damage tolerated, still few modules
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    return { side: modules.size + 2 * QUIET_ZONE, d: modulesPath(modules.size, (r, c) => Boolean(modules.get(r, c))) };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size}
      viewBox={`0 0 ${path.side} ${path.side}`} shapeRendering="crispEdges">
      <rect width={path.side} height={path.side} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
