// A simple SVG bar chart. It is decoration for sighted readers: the same figures are always in
// a table next to it, so the SVG is hidden from assistive technology.
export function BarChart({ bars, max, unit = "" }: { bars: { label: string; value: number }[]; max?: number; unit?: string }) {
  const top = Math.max(1, max ?? Math.max(...bars.map((b) => b.value), 1));
  const barWidth = 28;
  const gap = 8;
  const height = 140;
  const width = bars.length * (barWidth + gap) + gap;
  return (
    <svg className="ds-chart" viewBox={`0 0 ${width} ${height + 40}`} width={width} height={height + 40} aria-hidden="true" focusable="false">
      <line x1="0" y1={height} x2={width} y2={height} stroke="#0b0c0c" strokeWidth="1" />
      {bars.map((b, i) => {
        const h = Math.round((b.value / top) * (height - 20));
        const x = gap + i * (barWidth + gap);
        return (
          <g key={b.label}>
            <rect x={x} y={height - h} width={barWidth} height={h} fill="#1d70b8" />
            <text x={x + barWidth / 2} y={height - h - 4} textAnchor="middle">
              {b.value}
              {unit}
            </text>
            <text x={x + barWidth / 2} y={height + 16} textAnchor="middle">
              {b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
