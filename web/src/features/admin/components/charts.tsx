import { useId, type ReactNode } from 'react';
import { DataTable } from '../../../components/ui/data-table';

/**
 * Small charts drawn as SVG (no chart library: the admin screens stay a light, lazily loaded
 * chunk). Each is an image with a title and a one-sentence summary for screen readers, and its
 * numbers are one click away as a table.
 */

export type Point = { label: string; value: number };

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value) ?? 10 * power;
}

/** Every {@code n}-th label, so that at most about eight fit under the axis. */
function labelStep(count: number): number {
  return Math.max(1, Math.ceil(count / 8));
}

type ChartProps = {
  title: string;
  summary: string;
  points: Point[];
  format: (value: number) => string;
  valueLabel: string;
  /** The top of the axis; by default a round number above the largest value. */
  max?: number;
};

function Frame({ title, summary, points, format, valueLabel, top, children }: ChartProps & { top: number; children: ReactNode }) {
  const id = useId();
  const ticks = [0, top / 2, top];
  const step = labelStep(points.length);
  const x = (i: number) => PAD.left + (points.length <= 1 ? PLOT_W / 2 : ((i + 0.5) * PLOT_W) / points.length);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => {
          const y = PAD.top + PLOT_H - (tick / top) * PLOT_H;
          return (
            <g key={tick} className="chart-grid">
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end">
                {format(tick)}
              </text>
            </g>
          );
        })}
        {children}
        {points.map((point, i) =>
          i % step === 0 ? (
            <text key={point.label} className="chart-label" x={x(i)} y={HEIGHT - 8} textAnchor="middle">
              {point.label}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>
        <span className="chart-title">{title}</span>
        <details>
          <summary>Show the numbers</summary>
          <DataTable label={`${title}: the numbers`}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col" className="num">
                  {valueLabel}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.label}>
                  <th scope="row">{point.label}</th>
                  <td className="num">{format(point.value)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </details>
      </figcaption>
    </figure>
  );
}

/** Bars, one per point, from zero. */
export function BarChart(props: ChartProps) {
  const top = props.max ?? niceMax(Math.max(0, ...props.points.map((p) => p.value)));
  const slot = PLOT_W / Math.max(1, props.points.length);
  const barWidth = Math.max(2, slot * 0.7);
  return (
    <Frame {...props} top={top}>
      {props.points.map((point, i) => {
        const height = (Math.max(0, point.value) / top) * PLOT_H;
        return (
          <rect key={point.label} className="chart-bar" x={PAD.left + i * slot + (slot - barWidth) / 2}
            y={PAD.top + PLOT_H - height} width={barWidth} height={height} rx={2}>
            <title>{`${point.label}: ${props.format(point.value)}`}</title>
          </rect>
        );
      })}
    </Frame>
  );
}

/** A line through the points, with a dot on each. */
export function LineChart(props: ChartProps) {
  const top = props.max ?? niceMax(Math.max(0, ...props.points.map((p) => p.value)));
  const n = props.points.length;
  const x = (i: number) => PAD.left + (n <= 1 ? PLOT_W / 2 : ((i + 0.5) * PLOT_W) / n);
  const y = (v: number) => PAD.top + PLOT_H - (Math.max(0, Math.min(v, top)) / top) * PLOT_H;
  const path = props.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <Frame {...props} top={top}>
      <path className="chart-line" d={path} />
      {props.points.map((point, i) => (
        <circle key={point.label} className="chart-dot" cx={x(i)} cy={y(point.value)} r={4}>
          <title>{`${point.label}: ${props.format(point.value)}`}</title>
        </circle>
      ))}
    </Frame>
  );
}

/** A horizontal bar for one value out of a maximum (a proficiency, a budget), with its text. */
export function Meter({ value, max, label, text }: { value: number; max: number; label: string; text: string }) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <span className="meter-wrap">
      <span className="meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}
        aria-valuetext={text}>
        <span className={`meter-fill${value > max ? ' over' : ''}`} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="meter-text">{text}</span>
    </span>
  );
}
