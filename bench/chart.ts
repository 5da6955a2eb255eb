/** A small SVG bar chart of ratios to raw fetch, with the 1.0 line and each target marked. */
export interface Bar {
  label: string;
  ratio: number;
  /** The target ratio, and whether higher (throughput) or lower (cost) is better. */
  target: number;
  better: "higher" | "lower";
}

export function ratioChart(title: string, subtitle: string, bars: Bar[]): string {
  const width = 720;
  const row = 34;
  const left = 200;
  const scale = (width - left - 70) / 1.6; // 0 … 1.6× fits
  const top = 64;
  const height = top + 36 + bars.length * row;
  const x = (ratio: number) => left + Math.min(ratio, 1.6) * scale;
  const rows = bars.map((bar, i) => {
    const y = top + i * row;
    const ok = bar.better === "higher" ? bar.ratio >= bar.target : bar.ratio <= bar.target;
    return [
      `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${escape(bar.label)}</text>`,
      `<rect x="${left}" y="${y}" width="${(x(bar.ratio) - left).toFixed(1)}" height="20" fill="${ok ? "#2e7d32" : "#c62828"}"/>`,
      `<line x1="${x(bar.target).toFixed(1)}" x2="${x(bar.target).toFixed(1)}" y1="${y - 3}" y2="${y + 23}" stroke="#111" stroke-dasharray="3 2"/>`,
      `<text x="${(Math.max(x(bar.ratio), x(bar.target)) + 6).toFixed(1)}" y="${y + 15}">${bar.ratio.toFixed(2)}×</text>`,
    ].join("");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
    `<text x="12" y="42" fill="#555">${escape(subtitle)}</text>`,
    `<line x1="${x(1)}" x2="${x(1)}" y1="${top - 8}" y2="${height - 28}" stroke="#888"/>`,
    `<text x="12" y="${height - 10}" fill="#555">grey line: raw fetch (1.0); dashed: the target; green: target met, red: not met</text>`,
    ...rows,
    "</svg>",
    "",
  ].join("\n");
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
