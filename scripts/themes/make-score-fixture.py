#!/usr/bin/env python3
"""Writes test/fixtures/themes/cluster-scores.json: deterministic (predicted, truth) label pairs with
scikit-learn's NMI and ARI and the Hungarian-matched accuracy, computed exactly as
/work/shared/tools/score_clusters.py does (but unrounded), so the TypeScript scorer can be checked against
the tool the benchmark reports with. Needs Debian python3-sklearn. usage: /usr/bin/python3 make-score-fixture.py
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import adjusted_rand_score as ari
from sklearn.metrics import normalized_mutual_info_score as nmi

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'themes',
                   'cluster-scores.json')
rng = np.random.default_rng(20240611)


def score(p, y):
    # Same steps as score_clusters.py: contingency of sorted distinct labels, clusters as rows.
    ys = sorted(set(y)); ps = sorted(set(p))
    m = np.zeros((len(ps), len(ys)))
    yi = {v: i for i, v in enumerate(ys)}; pi = {v: i for i, v in enumerate(ps)}
    for a, b in zip(p, y): m[pi[a], yi[b]] += 1
    r, c = linear_sum_assignment(-m)
    return {'k': len(ps), 'classes': len(ys), 'nmi': float(nmi(y, p)), 'ari': float(ari(y, p)),
            'accuracy': float(m[r, c].sum() / len(y))}


def noisy(truth, k, keep):
    """Each item keeps a cluster determined by its class with probability keep, else a random one."""
    home = rng.integers(0, k, size=int(truth.max()) + 1)
    pred = home[truth]
    flip = rng.random(truth.size) >= keep
    pred[flip] = rng.integers(0, k, size=int(flip.sum()))
    return pred


def case(name, pred, truth):
    pred = [x if isinstance(x, str) else int(x) for x in pred]
    truth = [x if isinstance(x, str) else int(x) for x in truth]
    assert len(pred) == len(truth)
    return {'name': name, 'n': len(pred), **score(pred, truth), 'predicted': pred, 'truth': truth}


cases = []
t = rng.integers(0, 3, size=5)
cases.append(case('identical, n=5', t, t))
t = rng.integers(0, 10, size=200)
cases.append(case('permuted cluster ids, n=200', (rng.permutation(10) * 7 + 100)[t], t))
t = rng.integers(0, 5, size=50)
cases.append(case('one cluster, 5 classes', np.zeros(50, dtype=int), t))
cases.append(case('one cluster and one class', np.full(20, 3), np.full(20, 9)))
t = rng.integers(0, 7, size=100)
cases.append(case('all singletons, 7 classes', rng.permutation(100), t))
t = rng.integers(0, 20, size=3000)
cases.append(case('150 noisy clusters over 20 classes, n=3000', noisy(t, 150, 0.6), t))
t = rng.integers(0, 80, size=1000)
cases.append(case('8 clusters over 80 classes', noisy(t, 8, 0.8), t))
cases.append(case('independent, 30 × 30, n=500', rng.integers(0, 30, size=500), rng.integers(0, 30, size=500)))
t = rng.integers(0, 25, size=2000)
cases.append(case('40 clusters over 25 classes, 70% kept', noisy(t, 40, 0.7), t))
names = ['billing', 'login', 'refund', 'shipping', 'bug']
t = rng.integers(0, 5, size=60)
p = noisy(t, 4, 0.75)
cases.append(case('string labels', [f'theme-{x}' for x in p], [names[x] for x in t]))
cases.append(case('one class, 12 clusters', rng.integers(0, 12, size=300), np.zeros(300, dtype=int)))
t = rng.integers(0, 60, size=800)
cases.append(case('pairs of classes merged', t // 2, t))
t = rng.integers(0, 80, size=3000)
cases.append(case('150 clusters over 80 classes, 50% kept', noisy(t, 150, 0.5), t))

doc = {'generator': 'scripts/themes/make-score-fixture.py',
       'versions': {'sklearn': sklearn.__version__, 'scipy': scipy.__version__, 'numpy': np.__version__},
       'cases': cases}
with open(OUT, 'w', encoding='utf-8') as f:
    json.dump(doc, f, separators=(',', ':'))
    f.write('\n')
for c in cases:
    print(f"{c['name']:45s} n={c['n']:5d} k={c['k']:4d} classes={c['classes']:3d} "
          f"nmi={c['nmi']:.6f} ari={c['ari']:.6f} acc={c['accuracy']:.6f}")
