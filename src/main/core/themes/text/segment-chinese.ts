import { cut } from 'jieba-wasm'

/** Cuts a run of Chinese text into words. */
export type ChineseSegmenter = (run: string) => string[]

/**
 * Chinese word segmentation by jieba (jieba-rs compiled to WebAssembly, its bundled dictionary
 * and HMM for unknown words): "客服太差竟然挂我电话" → 客服 / 太 / 差 / 竟然 / 挂 / 我 / 电话. ICU's
 * `Intl.Segmenter` cuts common words apart (客 / 服, 洗 / 发 / 水), which a label must never do.
 */
export const segmentChinese: ChineseSegmenter = (run) => cut(run, true)
