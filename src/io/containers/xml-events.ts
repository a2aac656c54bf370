/**
 * A streaming XML tokenizer for workbook parts: elements, attributes, text, CDATA; comments and
 * processing instructions skipped. Small and fast because SpreadsheetML needs little of XML (measured
 * against saxes in docs/reading-exports.md: a sheet's cells are millions of tags). Safe by what it
 * leaves out: a DOCTYPE is refused outright, so no entity can be declared, let alone expanded (no
 * "billion laughs"), and nothing external is ever fetched; only XML's five predefined entities and
 * character references are read. Nesting is capped; tags must match. Element names lose their namespace
 * prefix (`x:row` is `row`): some writers add one.
 */
import { InputError } from '../../model/errors.js';
import { formatLimit, MAX_RECORD_BYTES, MAX_XML_DEPTH } from '../limits.js';

/** The attributes of the tag being opened, decoded on request; valid only during `open`. */
export interface Attributes {
  get(key: string): string | undefined;
  /** every attribute, decoded (for the few tags that need to look through them) */
  all(): Record<string, string>;
}

export interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

export interface XmlWriter {
  write(chunk: Buffer): void;
  end(): void;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const AMP = 38;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const EMPTY = Buffer.alloc(0);
const COMMENT = Buffer.from('<!--');
const CDATA = Buffer.from('<![CDATA[');

/**
 * Works on the UTF-8 bytes, not on decoded text: finding `<` and `>` is a byte search, and only
 * values and text are decoded (a sheet is millions of tags; measured in docs/reading-exports.md).
 */
export function xmlReader(file: string, handlers: XmlHandlers): XmlWriter {
  /** open elements: raw name bytes and local name */
  const stack: { raw: Buffer; local: string }[] = [];
  const names = new NameCache();
  const attributes = new TagAttributes((b, from, to) => text(b, from, to));
  let rest: Buffer = EMPTY;
  const fail = (why: string) => new InputError(`not a readable workbook part: ${why}`, { file });
  const text = (b: Buffer, from: number, to: number): string => {
    const t = to - from <= SHORT ? shortText(b, from, to) : b.toString('utf8', from, to);
    for (let i = from; i < to; i++) if (b[i] === AMP) return decodeEntities(t, fail);
    return t;
  };
  const blank = (b: Buffer, from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (!isSpace(b[i])) return false;
    return true;
  };

  /** Reads the tokens of `b` from the start; returns where an incomplete token begins. */
  const scan = (b: Buffer, final: boolean): number => {
    let p = 0;
    const n = b.length;
    while (p < n) {
      if (b[p] !== LT) {
        let lt = b.indexOf(LT, p);
        if (lt === -1) {
          if (!final) return p;
          lt = n;
        }
        if (stack.length) handlers.text(text(b, p, lt));
        else if (!blank(b, p, lt)) throw fail('text outside the document element');
        p = lt;
        continue;
      }
      if (p + 1 >= n) return p;
      const next = b[p + 1];
      if (next === SLASH) {
        const gt = b.indexOf(GT, p);
        if (gt === -1) return p;
        const top = stack.pop();
        if (!top || !closes(b, p + 2, gt, top.raw)) throw fail(`a closing tag </${b.toString('utf8', p + 2, gt).trim()}> that does not match its opening tag`);
        handlers.close(top.local);
        p = gt + 1;
        continue;
      }
      if (next === QUESTION) {
        const end = b.indexOf('?>', p);
        if (end === -1) return p;
        p = end + 2;
        continue;
      }
      if (next === BANG) {
        if (n - p < 9 && !final) return p;
        if (startsWith(b, p, COMMENT)) {
          const end = b.indexOf('-->', p + 4);
          if (end === -1) return p;
          p = end + 3;
          continue;
        }
        if (startsWith(b, p, CDATA)) {
          const end = b.indexOf(']]>', p + 9);
          if (end === -1) return p;
          if (stack.length) handlers.text(b.toString('utf8', p + 9, end));
          p = end + 3;
          continue;
        }
        if (b.toString('latin1', p, p + 9) === '<!DOCTYPE') throw fail('it declares a DOCTYPE (entity declarations are not read, for safety)');
        throw fail(`markup ${JSON.stringify(b.toString('utf8', p, Math.min(n, p + 12)))} that a workbook does not hold`);
      }
      const end = openTag(b, p);
      if (end === -1) return p;
      p = end;
    }
    return n;
  };

  /** An opening tag at `p`: calls the handler, returns the position after it, or -1 when incomplete. */
  const openTag = (b: Buffer, p: number): number => {
    const n = b.length;
    let i = p + 1;
    while (i < n && !isSpace(b[i]) && b[i] !== GT && b[i] !== SLASH) i++;
    if (i >= n) return -1;
    if (i === p + 1) throw fail('a "<" that opens no tag');
    const name = names.get(b, p + 1, i);
    attributes.reset(b);
    for (;;) {
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) return -1;
      const c = b[i];
      if (c === GT || c === SLASH) {
        const selfClosing = c === SLASH;
        if (selfClosing) {
          if (i + 1 >= n) return -1;
          if (b[i + 1] !== GT) throw fail(`a "/" inside the tag <${name.local}>`);
        }
        if (stack.length >= MAX_XML_DEPTH) throw fail(`XML nested deeper than ${formatLimit(MAX_XML_DEPTH, 'count')} levels, the limit`);
        handlers.open(name.local, attributes);
        if (selfClosing) handlers.close(name.local);
        else stack.push(name);
        return i + (selfClosing ? 2 : 1);
      }
      let k = i;
      while (k < n && b[k] !== EQUALS && b[k] !== GT && !isSpace(b[k])) k++;
      let eq = k;
      while (eq < n && isSpace(b[eq])) eq++;
      if (eq >= n) return -1;
      if (b[eq] !== EQUALS || k === i) throw fail(`a damaged attribute in <${name.local}>`);
      let q = eq + 1;
      while (q < n && isSpace(b[q])) q++;
      if (q >= n) return -1;
      const quote = b[q];
      if (quote !== DQUOTE && quote !== SQUOTE) throw fail(`an attribute of <${name.local}> is not quoted`);
      const close = b.indexOf(quote, q + 1);
      if (close === -1) return -1;
      attributes.add(names.get(b, i, k).key, q + 1, close);
      i = close + 1;
    }
  };

  const feed = (chunk: Buffer, final: boolean) => {
    const b = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    const at = scan(b, final);
    rest = at < b.length ? Buffer.from(b.subarray(at)) : EMPTY;
    // an unfinished token this long is not a workbook's (a tag or CDATA section never closed)
    if (rest.length > MAX_RECORD_BYTES) throw fail(`a tag or text longer than ${formatLimit(MAX_RECORD_BYTES, 'bytes')}`);
  };
  return {
    write: (chunk) => feed(chunk, false),
    end: () => {
      feed(EMPTY, true);
      if (rest.length || stack.length) throw fail('it ends before its elements are closed (cut short?)');
    },
  };
}

/** Where each attribute of the current tag is in the buffer; values are decoded only when asked for. */
class TagAttributes implements Attributes {
  private b: Buffer = EMPTY;
  private keys: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private count = 0;

  constructor(private readonly decode: (b: Buffer, from: number, to: number) => string) {}

  reset(b: Buffer): void {
    this.b = b;
    this.count = 0;
  }

  add(key: string, from: number, to: number): void {
    this.keys[this.count] = key;
    this.starts[this.count] = from;
    this.ends[this.count] = to;
    this.count++;
  }

  get(key: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.keys[i] === key) return this.decode(this.b, this.starts[i], this.ends[i]);
    return undefined;
  }

  all(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < this.count; i++) out[this.keys[i]] = this.decode(this.b, this.starts[i], this.ends[i]);
    return out;
  }
}

/** Values this short are mostly ASCII digits and references: decoded here, without a call into Buffer. */
const SHORT = 12;

function shortText(b: Buffer, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c >= 0x80) return b.toString('utf8', from, to);
    out += String.fromCharCode(c);
  }
  return out;
}

/** Whether the bytes from..to (a closing tag's inside) are `raw`, maybe followed by white space. */
function closes(b: Buffer, from: number, to: number, raw: Buffer): boolean {
  if (to - from < raw.length) return false;
  for (let k = 0; k < raw.length; k++) if (b[from + k] !== raw[k]) return false;
  for (let k = from + raw.length; k < to; k++) if (!isSpace(b[k])) return false;
  return true;
}

function startsWith(b: Buffer, at: number, prefix: Buffer): boolean {
  if (b.length - at < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (b[at + k] !== prefix[k]) return false;
  return true;
}

interface Name {
  raw: Buffer;
  /** the name without its namespace prefix (elements) */
  local: string;
  /** the name as written (attributes keep their prefix: r:id) */
  key: string;
}

/**
 * Element and attribute names seen so far, found again from their bytes without making a string: a
 * workbook part uses a few dozen names millions of times.
 */
class NameCache {
  private readonly byFirst = new Map<number, Name[]>();

  get(b: Buffer, from: number, to: number): Name {
    const key = (b[from] << 8) | (to - from);
    let list = this.byFirst.get(key);
    if (list) {
      for (const name of list) if (closes(b, from, to, name.raw) && name.raw.length === to - from) return name;
    } else {
      list = [];
      this.byFirst.set(key, list);
    }
    const raw = Buffer.from(b.subarray(from, to));
    const written = raw.toString('utf8');
    const name = { raw, key: written, local: localName(written) };
    if (list.length < 64) list.push(name);
    return name;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string, fail: (why: string) => InputError): string {
  let out = '';
  let p = 0;
  for (;;) {
    const amp = text.indexOf('&', p);
    if (amp === -1) return out + text.slice(p);
    out += text.slice(p, amp);
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi - amp > 12) throw fail('an "&" that starts no entity');
    const name = text.slice(amp + 1, semi);
    if (name.charCodeAt(0) === 35) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff) || !/^#(x[0-9a-f]+|\d+)$/i.test(name)) throw fail(`a character reference &${name}; that names no character`);
      out += String.fromCodePoint(code);
    } else {
      const value = PREDEFINED[name];
      if (value === undefined) throw fail(`the entity &${name}; (a workbook uses only XML's predefined entities)`);
      out += value;
    }
    p = semi + 1;
  }
}

