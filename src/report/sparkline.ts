/**
 * A sparkline: one block character per value, ▁ for the series' lowest value up to ▇ for its highest,
 * a space where there is no value (a period without answers).
 */
const BLOCKS = '▁▂▃▄▅▆▇';

export function sparkline(values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return values.map(() => ' ').join('');
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (hi === lo) return BLOCKS[3];
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BLOCKS.length))];
    })
    .join('');
}
