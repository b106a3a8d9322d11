/** The tokenised form of a text for the search index (CJK runs as overlapping bigrams). */
export type SearchTokenizer = (text: string) => string

/** An FTS5 MATCH expression for what the user typed, or null when it has no searchable term. */
export type SearchQueryBuilder = (query: string) => string | null
