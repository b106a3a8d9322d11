import type { DemoManifest } from './manifest'
import type { Rng } from './rng'

/**
 * Mixes the other language into a ticket the way bilingual customers write: Chinese text with
 * English product terms (App, OTP, refund, Apple Pay…) or an English remark; English text with
 * a Chinese phrase. The result always contains both scripts.
 */
export function mixLanguages(
  rng: Rng,
  text: string,
  language: 'en' | 'zh',
  spec: DemoManifest['text']['mixing']
): string {
  if (language === 'en') {
    const phrase = rng.pick(spec.chineseAdditionsForEn)
    return rng.chance(0.7) ? `${text} ${phrase}` : `${phrase}${text}`
  }
  let mixed = text
  const present = spec.zhTermsToEnglish.filter(([zh]) => mixed.includes(zh))
  const swaps = Math.min(present.length, rng.int(1, spec.maxTermSwaps))
  for (const [zh, en] of rng.shuffle([...present]).slice(0, swaps)) {
    // English terms inside Chinese text are usually set off by spaces, except next to punctuation.
    mixed = mixed
      .replace(zh, ` ${en} `)
      .replace(/ +([，。！？、：；“”])/g, '$1')
      .replace(/([，。！？、：；“”]) +/g, '$1')
  }
  mixed = mixed.trim()
  if (swaps === 0 || rng.chance(0.3)) mixed = `${mixed} ${rng.pick(spec.englishAdditionsForZh)}`
  return mixed
}
