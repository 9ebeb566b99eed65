/**
 * The scale curves as a small SVG, built as text (no chart library): log-log axes, so a quantity
 * that grows in proportion to the data follows the dashed diagonal and anything below it is
 * sub-linear.
 */

export type Series = { name: string; color: string; ratios: (number | null)[] };

const WIDTH = 680;
const HEIGHT = 400;
const MARGIN = { left: 64, right: 230, top: 48, bottom: 56 };

const log2 = Math.log2;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const times = (r: number) => `×${(Math.round(r * 10) / 10).toLocaleString('fr-FR')}`;

/** Powers of two bracketing the values, so ticks fall on ×1, ×2, ×4… */
export function logRange(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return [2 ** Math.floor(log2(lo)), 2 ** Math.ceil(log2(hi))];
}

export function scaleChartSvg(title: string, scales: number[], series: Series[]): string {
  if (scales.length < 2) throw new Error('Il faut au moins deux échelles pour tracer une courbe.');
  const ratios = series.flatMap((s) => s.ratios).filter((r): r is number => r !== null && r > 0);
  const [yMin, yMax] = logRange([...ratios, ...scales.map((s) => s / scales[0]!), 0.5]);
  const [xMin, xMax] = [scales[0]!, scales.at(-1)!];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((log2(v) - log2(xMin)) / (log2(xMax) - log2(xMin))) * plotW;
  const y = (v: number) => MARGIN.top + plotH - ((log2(v) - log2(yMin)) / (log2(yMax) - log2(yMin))) * plotH;
  const out: string[] = [];
  const described = series.map((s) => `${s.name} : ${s.ratios.map((r, i) => `${scales[i]}× → ${r === null ? 'non mesuré' : times(r)}`).join(', ')}`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="t">${escape(title)}</title>`,
    `<desc id="d">${escape(`Rapport à 1×, échelles logarithmiques. ${described.join(' ; ')}.`)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold" fill="#111">${escape(title)}</text>`,
  );
  for (let v = yMin; v <= yMax; v *= 2) {
    out.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(v) + 4}" text-anchor="end" fill="#333">${times(v)}</text>`,
    );
  }
  for (const s of scales) {
    out.push(
      `<line x1="${x(s)}" x2="${x(s)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#ddd"/>`,
      `<text x="${x(s)}" y="${MARGIN.top + plotH + 20}" text-anchor="middle" fill="#333">${s}×</text>`,
    );
  }
  out.push(
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle" fill="#111">Taille des données (nombre de lieux, par rapport aux données réelles)</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#111">Rapport à 1×</text>`,
    `<line x1="${x(xMin)}" y1="${y(1)}" x2="${x(xMax)}" y2="${y(xMax / xMin)}" stroke="#555" stroke-width="2" stroke-dasharray="6 5"/>`,
  );
  series.forEach((s, k) => {
    const points = s.ratios.flatMap((r, i) => (r === null || r <= 0 ? [] : [[x(scales[i]!), y(r)] as const]));
    out.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2.5" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`,
      ...points.map(([px, py]) => `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="4" fill="${s.color}"/>`),
    );
    const ly = MARGIN.top + 10 + k * 24;
    const last = [...s.ratios].reverse().find((r) => r !== null);
    out.push(
      `<line x1="${WIDTH - MARGIN.right + 16}" x2="${WIDTH - MARGIN.right + 40}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="3"/>`,
      `<text x="${WIDTH - MARGIN.right + 46}" y="${ly + 4}" fill="#111">${escape(s.name)}${last == null ? '' : ` ${times(last)}`}</text>`,
    );
  });
  const ly = MARGIN.top + 10 + series.length * 24;
  out.push(
    `<line x1="${WIDTH - MARGIN.right + 16}" x2="${WIDTH - MARGIN.right + 40}" y1="${ly}" y2="${ly}" stroke="#555" stroke-width="2" stroke-dasharray="6 5"/>`,
    `<text x="${WIDTH - MARGIN.right + 46}" y="${ly + 4}" fill="#111">linéaire (référence)</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
