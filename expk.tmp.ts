import * as np from './packages/ndarray/src/index.js';
import { expLoop, wasmExp } from './packages/ndarray/src/kernels/exp.js';
const n = 1e6;
for (const T of [Float64Array, Float32Array]) {
const a = new T(n).map(() => Math.random() * 2 - 1); const o = new T(n); const o2 = new T(n);
a[5] = 800; a[77] = NaN; a[100] = -Infinity; a[n-1] = 709.5; a[n-3] = -745;
const t = (f: () => void) => { for (let i=0;i<5;i++) f(); const ts: number[]=[]; for (let i=0;i<20;i++){const s=process.hrtime.bigint(); f(); ts.push(Number(process.hrtime.bigint()-s)/1e6);} ts.sort((x,y)=>x-y); return ts[0]!.toFixed(3)+' '+ts[10]!.toFixed(3); };
wasmExp.enabled = true;
console.log(T.name, 'wasm', t(() => expLoop(n, o, 0, 1, a, 0, 1)));
wasmExp.enabled = false;
console.log(T.name, 'js', t(() => expLoop(n, o2, 0, 1, a, 0, 1)));
let d = 0; for (let i = 0; i < n; i++) if (!Object.is(o[i], o2[i])) d++;
console.log('diffs', d, o[5], o[77], o[100], o[n-1], o[n-3]);
}
void np;
