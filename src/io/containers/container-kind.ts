/**
 * Which container a file is, from its first bytes (the name only breaks no tie): loaded with every run,
 * so it imports nothing; the readers themselves load only when a container is met.
 */

export type ContainerKind = 'gzip' | 'zip' | 'parquet' | 'sav';

export function containerKind(head: Buffer): ContainerKind | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // a local file header, or the end record of an empty archive
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) return 'zip';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'PAR1') return 'parquet';
  if (head.length >= 4 && (head.toString('latin1', 0, 4) === '$FL2' || head.toString('latin1', 0, 4) === '$FL3')) return 'sav';
  return null;
}
