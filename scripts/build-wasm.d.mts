// Types of build-wasm.mjs, for the test that checks the committed module is up to date.

/** The TypeScript source of src/io/structural-wasm.ts, compiled afresh from its WebAssembly text. */
export function compileStructural(): Promise<string>;
