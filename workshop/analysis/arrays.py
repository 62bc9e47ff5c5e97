"""The undirected simple graph on nodes 0..n-1 as neighbour arrays, for the compiled searches
(`brandes`, `folding`, `propagation`).

    pairs, start, neighbours = neighbour_arrays(n, edge_list)

`neighbours[start[v]:start[v + 1]]` are the neighbours of v, in the order of `edge_list`;
`pairs` is `edge_list` as an (m, 2) array.
"""

from __future__ import annotations

import numpy as np


def neighbour_arrays(n: int, edge_list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    pairs = np.asarray(edge_list, dtype=np.int64).reshape(-1, 2)
    tails = np.concatenate([pairs[:, 0], pairs[:, 1]])
    heads = np.concatenate([pairs[:, 1], pairs[:, 0]])
    neighbours = heads[np.argsort(tails, kind="stable")]
    start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(tails, minlength=n), out=start[1:])
    return pairs, start, neighbours
