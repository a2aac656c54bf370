/**
 * `--tags rules.json`: which comment tags exist and what gives each one. The file maps a tag to its
 * keywords and regular expressions: `{"billing": ["invoice", "refund", "/charg(e|ed)/i"]}`. A keyword
 * matches anywhere in the comment, ignoring case; `/source/flags` is a regular expression (flags i, m,
 * s, u). Rules are plain data so they cross to worker threads; the matcher is fold/tagger.ts.
 */
import { InputError } from '../model/errors.js';
import { readJsonFile } from './json-file.js';
import { userRegexProblem } from './user-regex.js';

export interface TagRule {
  tag: string;
  /** lower-cased keywords, matched as substrings of the lower-cased comment */
  keywords: string[];
  regexes: { source: string; flags: string }[];
}

/** The group of responses no rule tagged. */
export const UNTAGGED = '(untagged)';

const REGEX = /^\/(.+)\/([a-z]*)$/is;

export function readTagRules(file: string): TagRule[] {
  return parseTagRules(readJsonFile(file, 'tag rules file'), file);
}

export function parseTagRules(json: unknown, file: string): TagRule[] {
  const example = 'e.g. {"billing": ["invoice", "refund", "/charg(e|ed)/i"]}';
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new InputError('tag rules must be an object of tag → keywords', { file }, example);
  const rules: TagRule[] = [];
  const seen = new Map<string, string>();
  for (const [tag, value] of Object.entries(json as Record<string, unknown>)) {
    const name = tag.trim();
    // a tag set is one key joined by the tagger's TAG_SEPARATOR, U+001E: a name holding it would split
    if (name === '' || name === UNTAGGED || name.includes('\u001e')) throw new InputError(`tag ${JSON.stringify(tag)}: not a usable tag name`, { file }, 'a tag name needs a visible character, and no U+001E (record separator)');
    const first = seen.get(name);
    if (first !== undefined) throw new InputError(`tag ${JSON.stringify(tag)}: the same name as tag ${JSON.stringify(first)} once spaces are trimmed`, { file }, 'give each tag one entry');
    seen.set(name, tag);
    const patterns = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(patterns) || patterns.length === 0 || patterns.some((p) => typeof p !== 'string' || p.trim() === '')) {
      throw new InputError(`tag ${JSON.stringify(tag)}: needs a list of keywords or /regular expressions/`, { file }, example);
    }
    const rule: TagRule = { tag: name, keywords: [], regexes: [] };
    for (const pattern of patterns as string[]) {
      const m = REGEX.exec(pattern.trim());
      if (!m) {
        rule.keywords.push(pattern.trim().toLowerCase());
        continue;
      }
      const [, source, flags] = m;
      if (!/^[imsu]*$/.test(flags)) throw new InputError(`tag ${JSON.stringify(tag)}: ${pattern}: flags ${JSON.stringify(flags)} (only i, m, s and u are allowed)`, { file });
      const problem = userRegexProblem(source, flags);
      if (problem !== null) throw new InputError(`tag ${JSON.stringify(tag)}: ${pattern} is not a valid regular expression (${problem})`, { file }, 'cxm reads RE2 syntax: https://github.com/google/re2/wiki/Syntax');
      rule.regexes.push({ source, flags });
    }
    rules.push(rule);
  }
  if (rules.length === 0) throw new InputError('the tag rules file defines no tags', { file }, example);
  return rules;
}
