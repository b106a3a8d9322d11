/**
 * Function words that say nothing about what a ticket is about, in English and Chinese. Words of
 * negation (not, no, never, 不, 没) are kept on purpose: "card arrived" and "card not arrived"
 * are different complaints.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself ' +
    'him himself his how i if in into is it its itself just let me more most my myself of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then ' +
    'there these they this those through to too under until up very was we were what when where which while who whom ' +
    'why will with would you your yours yourself yourselves im ive id ill youre dont doesnt didnt isnt arent wasnt ' +
    'cant couldnt wont wouldnt shouldnt hi hello hey please thanks thank also get got would like want need one ' +
    's t d ll m re ve y also ok okay yes via us'
  ).split(' ')
)

/** Chinese particles, pronouns and connectives (single words as a segmenter returns them). */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 是 我 你 他 她 它 们 我们 你们 他们 这 那 这个 那个 这些 那些 就 都 也 还 很 在 有 和 与 及 或 吗 呢 吧 啊 呀 哦 嗯 哈 ' +
    '么 什么 怎么 为什么 因为 所以 但是 但 而且 并且 如果 虽然 然后 还是 已经 一个 一下 一些 一点 可以 能 会 要 把 被 让 给 对 从 ' +
    '到 向 于 以 之 其 而 又 再 才 却 只 更 最 太 真 挺 比较 非常 特别 自己 大家 您 啦 嘛 呗 哎 喔 着 过 地 得 个 些 里 上 下'
  ).split(' ')
)
