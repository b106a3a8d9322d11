import type { CsrMatrix } from '../linalg/matrix'
import type { TfidfModel } from './tfidf'
import { fitTfidf, transformTfidf } from './tfidf'
import type { CharGramSpec, TextRuns } from './tokens'
import { DEFAULT_CHAR_GRAMS, forEachCharGram, textRuns, wordTerms } from './tokens'

/** The two TF-IDF spaces the themes work in, fitted on a workspace's tickets. */
export interface TicketFeatureModel {
  words: TfidfModel<string>
  chars: TfidfModel<number>
  charGrams: CharGramSpec
  /** The Chinese segmenter of the word terms, when one was used. */
  segment?: ((run: string) => string[]) | undefined
}

/** Tickets as TF-IDF rows: word terms, and character n-grams (hashed). */
export interface TicketFeatures {
  words: CsrMatrix
  chars: CsrMatrix
  /** Each ticket's single-word terms in order, as word-space columns (for word vectors). */
  sequences: Int32Array[]
}

function sequencesOf(words: readonly string[][], columns: Map<string, number>): Int32Array[] {
  return words.map((terms) => {
    const ids: number[] = []
    for (const t of terms) {
      if (t.includes(' ')) continue
      const c = columns.get(t)
      if (c !== undefined) ids.push(c)
    }
    return Int32Array.from(ids)
  })
}

function analyse(
  texts: readonly string[],
  spec: CharGramSpec,
  segment?: (run: string) => string[]
): { words: string[][]; chars: number[][] } {
  const words: string[][] = []
  const chars: number[][] = []
  for (const text of texts) {
    const runs: TextRuns = textRuns(text)
    words.push(wordTerms(runs, segment))
    const grams: number[] = []
    forEachCharGram(runs, spec, (h) => grams.push(h))
    chars.push(grams)
  }
  return { words, chars }
}

/** Fits both spaces on cleaned ticket texts and returns the tickets in them. */
export function fitTicketFeatures(
  texts: readonly string[],
  charGrams: CharGramSpec = DEFAULT_CHAR_GRAMS,
  segment?: (run: string) => string[]
): { model: TicketFeatureModel; features: TicketFeatures } {
  const { words, chars } = analyse(texts, charGrams, segment)
  const w = fitTfidf(words)
  const c = fitTfidf(chars)
  return {
    model: { words: w.model, chars: c.model, charGrams, segment },
    features: { words: w.matrix, chars: c.matrix, sequences: sequencesOf(words, w.model.columns) }
  }
}

/** Cleaned ticket texts in already fitted spaces (tickets that arrived after the fit). */
export function transformTicketFeatures(model: TicketFeatureModel, texts: readonly string[]): TicketFeatures {
  const { words, chars } = analyse(texts, model.charGrams, model.segment)
  return {
    words: transformTfidf(model.words, words),
    chars: transformTfidf(model.chars, chars),
    sequences: sequencesOf(words, model.words.columns)
  }
}
