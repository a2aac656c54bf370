/**
 * File patterns for --current/--baseline, for when the shell did not expand them (quoted, or on
 * Windows): `*` matches any run of characters and `?` one character, within one path segment, in any
 * segment (`exports/2026-*\/nps-*.csv`). Names starting with a dot match only a pattern that does.
 * A pattern without wildcards is taken as a file name as it is. Matches come sorted, so the same
 * files give the same output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../model/errors.js';

const WILD = /[*?]/;

function segmentPattern(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

function listDirectory(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The files one pattern matches (regular files only), sorted. */
export function matchGlob(pattern: string): string[] {
  const absolute = path.isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/).filter((s, i) => s !== '' || i === 0);
  let bases: string[] = [absolute ? segments.shift()! + path.sep : ''];
  if (!absolute && segments[0] === '') segments.shift();
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      if (!WILD.test(segment)) {
        next.push(base + segment + (last ? '' : '/'));
        continue;
      }
      const re = segmentPattern(segment);
      for (const entry of listDirectory(base)) {
        if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
        if (!re.test(entry.name)) continue;
        const full = base + entry.name;
        const isDir = entry.isDirectory() || (entry.isSymbolicLink() && safeStat(full)?.isDirectory());
        if (last ? !isDir : isDir) next.push(full + (last ? '' : '/'));
      }
    }
    bases = next;
  });
  return bases.filter((f) => safeStat(f)?.isFile()).sort();
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** Expands each pattern in order (a file matched twice is kept once); a pattern that matches nothing is an error. */
export function expandGlobs(patterns: string[], flag: string): string[] {
  const out: string[] = [];
  for (const pattern of patterns.filter((p) => p !== '')) {
    const files = WILD.test(pattern) ? matchGlob(pattern) : [pattern];
    if (files.length === 0) throw new InputError(`${flag}: no file matches ${JSON.stringify(pattern)}`);
    for (const f of files) if (!out.includes(f)) out.push(f);
  }
  return out;
}
