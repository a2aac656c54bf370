/**
 * Comment tags: every tag whose keyword or regular expression matches a response's comment. A
 * response's tags are one key — the tag names in rule order joined by TAG_SEPARATOR, '' for none —
 * so the fold groups rows by their *set* of tags and stays a partition (each row in one group);
 * marginals.ts expands a set into its tags, so a response counts once in each of its tags.
 */
import type { SourceRecord } from '../io/record.js';
import type { TagRule } from '../io/tag-rules.js';
import { compileUserRegex } from '../io/user-regex.js';

export const TAG_SEPARATOR = '\u001e';

/** Where the comment is and which rules apply (plain data, shared by the tag dimension and --where). */
export interface TagPlan {
  /** the comment column */
  column: string;
  index: number;
  rules: TagRule[];
}

export type Tagger = (record: SourceRecord) => string;

const taggers = new WeakMap<TagPlan, Tagger>();

/**
 * The tag-set key of a record's comment. One tagger per plan object: --where and --by tag share it, and
 * it remembers the last comment, so a row is matched once however many readers ask.
 */
export function taggerFor(plan: TagPlan): Tagger {
  let tagger = taggers.get(plan);
  if (tagger) return tagger;
  // a rule's keywords become one case-insensitive alternation: one scan of the comment, no lower-casing
  const rules = plan.rules.map((r) => ({
    tag: r.tag,
    patterns: [...(r.keywords.length ? [new RegExp(r.keywords.map(escapeRegExp).join('|'), 'iu')] : []), ...r.regexes.map((x) => compileUserRegex(x.source, x.flags))],
  }));
  const index = plan.index;
  let lastText: string | null = null;
  let lastKey = '';
  tagger = (record) => {
    const text = record.text(index);
    if (text === lastText) return lastKey;
    lastText = text;
    const tags: string[] = [];
    for (const rule of rules) if (rule.patterns.some((re) => re.test(text))) tags.push(rule.tag);
    lastKey = tags.join(TAG_SEPARATOR);
    return lastKey;
  };
  taggers.set(plan, tagger);
  return tagger;
}

/** The tags of a key; no tag is the one group `(untagged)`. */
export function tagsOfKey(key: string, untagged: string): string[] {
  return key === '' ? [untagged] : tagList(key);
}

/** The tags of a key as a list (none: []), for a row that is shown with its tags. */
export function tagList(key: string): string[] {
  return key === '' ? [] : key.split(TAG_SEPARATOR);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
