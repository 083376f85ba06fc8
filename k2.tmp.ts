import { instantiate } from './packages/ndarray/src/kernels/wasm/matmul-wasm.js';
import { VMATH_WASM_BASE64 } from './packages/ndarray/src/kernels/wasm/vmath-wasm.js';
const ex = instantiate(VMATH_WASM_BASE64)!;
const mem = ex.memory as WebAssembly.Memory; mem.grow(2);
const h = (ex.heap as () => number)();
const f = new Float64Array(mem.buffer);
const exp64 = ex.exp64 as (n: number, p: number, t: number, b: number) => number;
const data = h + 1024 + 16384;
const t = (g: () => void) => { for (let i=0;i<5;i++) g(); const ts: number[]=[]; for (let i=0;i<20;i++){const s=process.hrtime.bigint(); g(); ts.push(Number(process.hrtime.bigint()-s)/1e6);} ts.sort((x,y)=>x-y); return ts[0]!.toFixed(3)+' '+ts[10]!.toFixed(3); };
for (let rep = 0; rep < 3; rep++) {
console.log('kernel', t(() => { for (let r = 0; r < 244; r++) { f.fill(0.5, data/8, data/8+4096); exp64(4096, data, h, h + 1024); } }));
console.log('fill only', t(() => { for (let r = 0; r < 244; r++) { f.fill(0.5, data/8, data/8+4096); } }));
}
