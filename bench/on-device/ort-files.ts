// The onnxruntime-web files the benchmark page may load, and nothing else of the package is
// served. A browser with a WebGPU adapter gets the WebGPU build (it runs WebAssembly too); any
// other gets the plain WebAssembly build, half the download and quicker to compile on a phone.
export const ORT_BUILDS = {
  webgpu: {
    module: 'ort.webgpu.min.mjs',
    runtime: ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'],
  },
  wasm: { module: 'ort.wasm.min.mjs', runtime: ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'] },
} as const;

export const ORT_FILE_NAMES: readonly string[] = Object.values(ORT_BUILDS).flatMap((build) => [
  build.module,
  ...build.runtime,
]);
