import './packages/ndarray/src/index.js';
import { expLoop } from './packages/ndarray/src/kernels/exp.js';
const n = 1e6;
const a = new Float64Array(n).map(() => Math.random() * 2 - 1); const o = new Float64Array(n);
const t = (f: () => void) => { for (let i=0;i<5;i++) f(); const ts: number[]=[]; for (let i=0;i<30;i++){const s=process.hrtime.bigint(); f(); ts.push(Number(process.hrtime.bigint()-s)/1e6);} ts.sort((x,y)=>x-y); return ts[0]!.toFixed(3)+' '+ts[15]!.toFixed(3); };
const m = new Float64Array(4096);
for (let r = 0; r < 3; r++) {
console.log('wasm', t(() => expLoop(n, o, 0, 1, a, 0, 1)));
console.log('copies', t(() => { for (let d = 0; d < n; d += 4096) { const c = Math.min(4096, n - d); m.set(a.subarray(d, d + c)); o.set(m.subarray(0, c), d); } }));
}
