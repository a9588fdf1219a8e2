// The onnxruntime-web files the benchmark page loads, and nothing else of the package is served:
// the WebGPU build (it runs WebAssembly too) and the WebAssembly module it loads.
export const ORT_FILES = {
  module: 'ort.webgpu.min.mjs',
  runtime: ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'],
} as const;
