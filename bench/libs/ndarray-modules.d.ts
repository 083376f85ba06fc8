// Minimal typings of the parts of `ndarray` and `ndarray-ops` the benchmark uses (neither
// package ships its own).
declare module 'ndarray' {
  type Data = Float64Array | Float32Array;
  export interface NdArray {
    data: Data;
    shape: number[];
    stride: number[];
    offset: number;
    size: number;
    get(...idx: number[]): number;
    set(...args: number[]): number;
    pick(...idx: (number | null)[]): NdArray;
    step(...steps: number[]): NdArray;
    transpose(...axes: number[]): NdArray;
  }
  function ndarray(data: Data, shape?: number[], stride?: number[], offset?: number): NdArray;
  export default ndarray;
}
declare module 'ndarray-ops' {
  import type { NdArray } from 'ndarray';
  const ops: {
    add(out: NdArray, a: NdArray, b: NdArray): NdArray;
    adds(out: NdArray, a: NdArray, s: number): NdArray;
    addeq(out: NdArray, a: NdArray): NdArray;
    subs(out: NdArray, a: NdArray, s: number): NdArray;
    exp(out: NdArray, a: NdArray): NdArray;
    assign(out: NdArray, a: NdArray): NdArray;
    sum(a: NdArray): number;
    norm2squared(a: NdArray): number;
    argmax(a: NdArray): number[];
  };
  export default ops;
}
