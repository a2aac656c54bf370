/**
 * The structural index of a CSV chunk: where its delimiters, line feeds, carriage returns and quotes
 * are. WebAssembly SIMD finds them 16 bytes at a time (src/io/structural.wat); where WebAssembly SIMD is
 * not available a plain loop gives the same positions. The chunk's bytes live in the index's memory, so
 * files are read straight into it with no copy.
 */
import { STRUCTURAL_WASM } from './structural-wasm.js';

const PAD = 16;

export interface StructuralIndex {
  /** the chunk buffer (a view of the index's memory; replaced when it grows) */
  bytes: Buffer;
  /** positions found by the last `index` call (a view; replaced when it grows) */
  positions: Int32Array;
  /** bytes the chunk buffer holds */
  readonly capacity: number;
  /** finds the structural bytes of bytes[0, length); returns how many positions were written */
  index(length: number, delimiter: number): number;
  /** makes room for `capacity` bytes, keeping the first `keep` bytes */
  grow(capacity: number, keep: number): void;
}

let wasmModule: WebAssembly.Module | null | undefined;

function loadModule(): WebAssembly.Module | null {
  if (wasmModule === undefined) {
    try {
      const bytes = Buffer.from(STRUCTURAL_WASM, 'base64');
      wasmModule = !process.env.CXM_NO_WASM && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      wasmModule = null;
    }
  }
  return wasmModule;
}

/** Whether the SIMD index is in use (else the plain loop). */
export function simdAvailable(): boolean {
  return loadModule() !== null;
}

/** `kind` forces one implementation (tests compare them); by default SIMD when available. */
export function createStructuralIndex(capacity: number, kind?: 'simd' | 'loop'): StructuralIndex {
  const module = kind === 'loop' ? null : loadModule();
  if (kind === 'simd' && !module) throw new Error('WebAssembly SIMD is not available');
  return module ? new WasmIndex(module, capacity) : new LoopIndex(capacity);
}

class WasmIndex implements StructuralIndex {
  bytes!: Buffer;
  positions!: Int32Array;
  capacity = 0;
  private readonly memory: WebAssembly.Memory;
  private readonly structural: (input: number, length: number, out: number, delimiter: number) => number;
  private out = 0;

  constructor(module: WebAssembly.Module, capacity: number) {
    const instance = new WebAssembly.Instance(module, {});
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.structural = instance.exports.structural as WasmIndex['structural'];
    this.layout(capacity);
  }

  /** memory: [chunk: capacity][16 zero bytes][positions: capacity × 4] */
  private layout(capacity: number): void {
    const out = (capacity + PAD + 3) & ~3;
    const need = out + capacity * 4;
    const have = this.memory.buffer.byteLength;
    if (need > have) this.memory.grow(Math.ceil((need - have) / 65536));
    // moving the positions area never touches the kept bytes, which stay at offset 0
    this.capacity = capacity;
    this.out = out;
    this.bytes = Buffer.from(this.memory.buffer, 0, capacity + PAD);
    this.positions = new Int32Array(this.memory.buffer, out, capacity);
  }

  index(length: number, delimiter: number): number {
    this.bytes.fill(0, length, length + PAD);
    return this.structural(0, length, this.out, delimiter);
  }

  grow(capacity: number): void {
    // memory only grows, and the chunk stays at offset 0: the kept bytes are where they were
    this.layout(capacity);
  }
}

class LoopIndex implements StructuralIndex {
  bytes: Buffer;
  positions: Int32Array;
  capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.bytes = Buffer.alloc(capacity + PAD);
    this.positions = new Int32Array(capacity);
  }

  index(length: number, delimiter: number): number {
    const b = this.bytes;
    b.fill(0, length, length + PAD);
    const out = this.positions;
    let n = 0;
    for (let i = 0; i < length; i++) {
      const c = b[i];
      if (c === delimiter || c === 0x0a || c === 0x0d || c === 0x22) out[n++] = i;
    }
    return n;
  }

  grow(capacity: number, keep: number): void {
    const bytes = Buffer.alloc(capacity + PAD);
    this.bytes.copy(bytes, 0, 0, keep);
    this.bytes = bytes;
    this.positions = new Int32Array(capacity);
    this.capacity = capacity;
  }
}
