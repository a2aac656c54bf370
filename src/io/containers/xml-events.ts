/**
 * A streaming XML reader for workbook parts, on saxes (a non-validating parser that knows only XML's
 * five predefined entities and character references). A DOCTYPE is refused outright, so no entity can
 * be declared, let alone expanded (no "billion laughs"), and no external file is ever fetched; nesting
 * is capped. Element names lose their namespace prefix (`x:row` is `row`): some writers add one.
 */
import { SaxesParser } from 'saxes';
import { InputError } from '../../model/errors.js';
import { formatLimit, MAX_XML_DEPTH } from '../limits.js';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

export interface XmlWriter {
  write(chunk: Buffer): void;
  end(): void;
}

export function xmlReader(file: string, handlers: XmlHandlers): XmlWriter {
  const parser = new SaxesParser({ position: false });
  const decoder = new TextDecoder('utf-8');
  let depth = 0;
  const fail = (why: string) => new InputError(`not a readable workbook part: ${why}`, { file });
  parser.on('doctype', () => {
    throw fail('it declares a DOCTYPE (entity declarations are not read, for safety)');
  });
  parser.on('opentag', (tag) => {
    if (++depth > MAX_XML_DEPTH) throw fail(`XML nested deeper than ${formatLimit(MAX_XML_DEPTH, 'count')} levels, the limit`);
    handlers.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    depth--;
    handlers.close(localName(tag.name));
  });
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  const guarded = (run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw fail(`${(error as Error).message.replace(/^.*?:\d+:\d+: /, '')}`);
    }
  };
  return {
    write: (chunk) => guarded(() => parser.write(decoder.decode(chunk, { stream: true }))),
    end: () =>
      guarded(() => {
        const tail = decoder.decode();
        if (tail) parser.write(tail);
        parser.close();
      }),
  };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
