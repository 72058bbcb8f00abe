// The compiled kernels.wat in base64, made at build time by scripts/wasm.mjs.
declare module 'virtual:nn-kernels-wasm' {
  const base64: string;
  export default base64;
}
