// `node --import ./test/module-log.mjs …`: writes the URL of every module the program loads to the
// file CXM_MODULE_LOG names (a resolve hook, module.register), for the test that readers load lazily.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { log: process.env.CXM_MODULE_LOG } });
