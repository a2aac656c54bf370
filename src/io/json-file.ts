/** A small JSON file a user points at (a config file, tag rules): read whole, errors naming the file. */
import fs from 'node:fs';
import { InputError } from '../model/errors.js';

/** The parsed JSON of `file`; `what` names it in errors ("config file", "tag rules file"). */
export function readJsonFile(file: string, what: string): unknown {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`cannot read the ${what}`, { file });
  }
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`the ${what} is not valid JSON (${(error as Error).message})`, { file });
  }
}
