/**
 * Typeform's API gives each response's answers as a list (`answers: [{field: {id, ref, type}, type:
 * "number", number: 9}, …]`). Before a response is flattened, that list becomes one column per
 * question, named by the field's ref (else its id), so answers line up by question whatever order
 * they come in and a skipped question is a blank cell.
 */
import { dataRecord, setOwn } from '../model/data-record.js';

/** What is known about one answer column: the field type (`nps`, `opinion_scale`…) and its title, if given. */
export interface AnswerField {
  type?: string;
  title?: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Replaces `answers` by one key per field, in place. Returns the fields seen, or null when the
 * response has no Typeform-style answer list (then nothing is changed).
 */
export function answersToColumns(response: Obj): Record<string, AnswerField> | null {
  const answers = response.answers;
  if (!Array.isArray(answers) || !answers.every((a) => isObject(a) && isObject(a.field))) return null;
  // an empty list (a response that answered nothing) only counts beside Typeform's other fields
  if (answers.length === 0 && !('landed_at' in response || 'token' in response)) return null;
  const titles = definitionTitles(response);
  const fields = dataRecord<AnswerField>();
  delete response.answers;
  for (const answer of answers as Obj[]) {
    const field = answer.field as Obj;
    const id = String(field.ref ?? field.id ?? '');
    if (!id) continue;
    const name = Object.hasOwn(response, id) ? `answers.${id}` : id;
    setOwn(response, name, answerValue(answer));
    const title = typeof field.title === 'string' ? field.title : titles.get(String(field.id));
    fields[name] = { ...(typeof field.type === 'string' ? { type: field.type } : {}), ...(title ? { title } : {}) };
  }
  return fields;
}

/** The value of one answer by its type: `number`, `text`, `choice.label`, `choices.labels` joined… */
function answerValue(answer: Obj): unknown {
  const type = String(answer.type ?? '');
  const v = answer[type];
  if (type === 'choice' && isObject(v)) return v.label ?? v.other ?? null;
  if (type === 'choices' && isObject(v)) {
    const labels = Array.isArray(v.labels) ? v.labels.map(String) : [];
    if (typeof v.other === 'string') labels.push(v.other);
    return labels.join('; ');
  }
  if (type === 'payment' && isObject(v)) return v.amount ?? null;
  return v === undefined ? null : v;
}

/** Webhook-style responses carry `definition.fields` with the question titles. */
function definitionTitles(response: Obj): Map<string, string> {
  const out = new Map<string, string>();
  const definition = response.definition;
  if (isObject(definition) && Array.isArray(definition.fields)) {
    for (const f of definition.fields) if (isObject(f) && typeof f.title === 'string') out.set(String(f.id), f.title);
  }
  return out;
}
