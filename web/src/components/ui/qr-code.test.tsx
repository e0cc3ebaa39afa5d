import { render, screen } from '@testing-library/react';
import jsQR from 'jsqr';
import { modulesPath, QrCode } from './qr-code';

/** Paints the SVG's path (`M x y h w v1 h-w z` per run of dark modules) as RGBA pixels, `scale` per module. */
function rasterize(svg: SVGSVGElement, scale: number) {
  const side = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  const d = svg.querySelector('path')!.getAttribute('d')!;
  for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py += 1) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(run)) * scale; px += 1) {
        pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
  }
  return { pixels, width };
}

describe('QrCode', () => {
  it('draws a code that a scanner reads back as the otpauth URI, labelled for screen readers', () => {
    const uri = 'otpauth://totp/AgentCoach:lea%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=AgentCoach&algorithm=SHA1&digits=6&period=30';
    render(<QrCode text={uri} label="QR code for your authenticator app" />);
    const svg = screen.getByRole('img', { name: 'QR code for your authenticator app' }) as unknown as SVGSVGElement;
    const { pixels, width } = rasterize(svg, 4);
    expect(jsQR(pixels, width, width)?.data).toBe(uri);
  });

  it('draws each run of dark modules once, inside the quiet zone', () => {
    const dark = [
      [true, true, false],
      [false, false, false],
      [true, false, true],
    ];
    expect(modulesPath(3, (row, column) => dark[row][column])).toBe('M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z');
  });
});
