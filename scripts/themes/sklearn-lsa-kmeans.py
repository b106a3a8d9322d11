#!/usr/bin/env python3
"""The scikit-learn reference of the themes benchmark at scale (test/bench/themes-scale.bench.ts):
character n-gram TF-IDF, LSA (truncated SVD to 100 dimensions, rows L2-normalised) and k-means with
the true number of classes, the pipeline of the reference figures in the shared data folder's README
("TF-IDF characters 2-4 + SVD(100) + k-means" for BANKING77, characters 1-2 for the Chinese set).
Prints the wall time of each step (not Python's start-up or reading the texts), the peak RSS and
the cluster of each text as JSON. Needs Debian python3-sklearn.

usage: /usr/bin/python3 sklearn-lsa-kmeans.py TEXTS.json K en|zh OUT.json
TEXTS.json is a JSON array of the tickets' cleaned texts, as the product clusters them.
"""
import json
import resource
import sys
import time

import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

# English: character n-grams inside word boundaries, 2-4; Chinese: characters and their pairs.
ANALYZERS = {'en': ('char_wb', (2, 4)), 'zh': ('char', (1, 2))}
DIMENSIONS = 100
# scikit-learn 1.2's default: ten k-means++ initialisations, the best kept. With min_df=2 this
# reproduces the README's figures on the original sets exactly (BANKING77 NMI 0.615, accuracy 0.416;
# Chinese NMI 0.562, accuracy 0.638); one initialisation gives 0.555 / 0.619 on the Chinese set.
N_INIT = 10
SEED = 0


def main():
    texts_path, k, language, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with open(texts_path, encoding='utf-8') as f:
        texts = json.load(f)
    analyzer, ngrams = ANALYZERS[language]
    seconds = {}

    started = time.perf_counter()
    x = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True, min_df=2).fit_transform(texts)
    seconds['tfidf'] = time.perf_counter() - started

    t = time.perf_counter()
    lsa = make_pipeline(TruncatedSVD(n_components=DIMENSIONS, random_state=SEED), Normalizer(copy=False))
    reduced = lsa.fit_transform(x)
    seconds['svd'] = time.perf_counter() - t

    t = time.perf_counter()
    labels = KMeans(n_clusters=k, n_init=N_INIT, random_state=SEED).fit_predict(reduced)
    seconds['kmeans'] = time.perf_counter() - t
    seconds['total'] = time.perf_counter() - started

    result = {
        'seconds': seconds,
        'maxRssKb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        'features': int(x.shape[1]),
        'sklearn': sklearn.__version__,
        'pipeline': f"TfidfVectorizer(analyzer='{analyzer}', ngram_range={ngrams}, sublinear_tf=True, min_df=2), "
        f'TruncatedSVD({DIMENSIONS}), Normalizer, KMeans(n_clusters={k}, n_init={N_INIT})',
        'labels': [int(v) for v in labels],
    }
    with open(out_path, 'w', encoding='utf-8') as f:
        json.dump(result, f, separators=(',', ':'))


if __name__ == '__main__':
    main()
