"""Actors with one tie folded out of the betweenness searches, exactly (Baglioni, Geraci,
Pellegrini & Lastres 2012, "Fast exact computation of betweenness centrality in social
networks"; Sariyüce et al. 2013, BADIOS's degree-1 removal).

    folded = fold(n, edge_list)
    graph = brandes.Graph(folded.size, folded.edges, folded.weight)
    sums, _ = graph.dependencies(np.arange(folded.size))    # weighted Brandes on the core
    betweenness = folded.spread(sums) / ((n - 1) * (n - 2))  # = networkx's, normalised

Nodes of degree 1 are removed over and over, so whole trees hanging from a node fold into
the node they hang from (the core node), and a component that is a tree folds into one of
its nodes. A folded node u has a parent (its one neighbour left when it was removed) and a
subtree of sub(u) nodes (itself and everything folded into it); a core node v has the weight
w(v) = sub(v) = 1 + the nodes folded into it. Every path from a folded node to a node outside
its subtree runs up the tree to its parent, so:

- Between two nodes folded into (or equal to) different core nodes a and b, the shortest
  paths are the core's shortest paths from a to b, with the trees' steps at either end: the
  w(a) * w(b) ordered pairs count as the core's pair (a, b) does. That is Brandes on the core
  with weights: only core nodes are sources, a source s counts w(s) times, and a target t
  counts w(t) in the accumulation (delta(v) = sum over the successors t of sigma(v) /
  sigma(t) * (w(t) + delta(t))). A core node is never inside another one's trees, so this
  counts, for a core node v, every pair of nodes outside v's trees whose paths pass v.
- Every other pair with paths through a node x (core or folded) is one that x's removal
  separates within its component of N nodes: the parts are its children's subtrees (sizes
  b_1..b_k) and the rest, N - sub(x) nodes (for a core node the rest holds its core pairs,
  counted above, not here). Every path between two parts passes x, and no shortest path
  between two nodes of one part does (a child's subtree is a tree; the rest reaches x by one
  tie only). The ordered pairs of different parts with at least one end in a child's subtree:

      tree(x) = (N - 1)^2 - sum_i b_i^2 - (N - sub(x))^2

  (the parts add up to N - 1 nodes). For a folded node that is its whole betweenness.

Pairs in different components never count, as in networkx. tests/analysis/test_folding.py
holds the result to networkx on graphs with leaves, hanging chains, stars, trees, isolated
actors, several components, none of these, and generated small graphs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

from workshop.analysis.arrays import neighbour_arrays


@njit(cache=True, nogil=True)
def _peel(start, neighbours):  # pragma: no cover  (compiled: the tests hold it to networkx)
    n = start.size - 1
    degree = start[1:] - start[:-1]
    gone = np.zeros(n, np.bool_)
    parent = np.full(n, -1, np.int64)
    removed = np.empty(n, np.int64)  # the folded nodes as they were removed: children first
    queue = np.empty(n, np.int64)
    head, tail, folded = 0, 0, 0
    for v in range(n):
        if degree[v] == 1:
            queue[tail] = v
            tail += 1
    while head < tail:
        u = queue[head]
        head += 1
        if degree[u] != 1:
            continue  # 0: the other end of its one tie was folded into it (a tree's last tie)
        p = -1
        for e in range(start[u], start[u + 1]):
            p = neighbours[e]
            if not gone[p]:
                break
        gone[u] = True
        parent[u] = p
        removed[folded] = u
        folded += 1
        degree[u] = 0
        degree[p] -= 1
        if degree[p] == 1:
            queue[tail] = p
            tail += 1
    sub = np.ones(n)  # the node and everything folded into it
    squares = np.zeros(n)  # the sum of its children's sub, squared
    for i in range(folded):
        u = removed[i]
        sub[parent[u]] += sub[u]
        squares[parent[u]] += sub[u] * sub[u]
    # the size of each node's component, by a search over the whole graph
    size = np.zeros(n)
    label = np.full(n, -1, np.int64)
    order = np.empty(n, np.int64)
    for root in range(n):
        if label[root] >= 0:
            continue
        label[root] = root
        order[0] = root
        lo, hi = 0, 1
        while lo < hi:
            v = order[lo]
            lo += 1
            for e in range(start[v], start[v + 1]):
                w = neighbours[e]
                if label[w] < 0:
                    label[w] = root
                    order[hi] = w
                    hi += 1
        for i in range(hi):
            size[order[i]] = hi
    rest = size - sub
    tree = (size - 1.0) * (size - 1.0) - squares - rest * rest
    return gone, sub, tree


@dataclass(frozen=True)
class Folded:
    """A graph with its degree-1 nodes folded away (see the module docstring)."""

    n: int  # nodes of the whole graph
    core: np.ndarray  # the core nodes' numbers in the whole graph, ascending
    weight: np.ndarray  # per core node: 1 + the nodes folded into it
    edges: np.ndarray  # the core's ties, (m, 2), in core numbers (i is core[i])
    tree: np.ndarray  # per node of the whole graph: its ordered pairs counted by the trees

    @property
    def size(self) -> int:
        return int(self.core.size)

    def spread(self, sums: np.ndarray) -> np.ndarray:
        """Per node of the whole graph: the core's `sums` (per core node) plus the trees'."""
        out = self.tree.copy()
        out[self.core] += sums
        return out


def fold(n: int, edge_list) -> Folded:
    """Fold the undirected simple graph on 0..n-1 (`edge_list`: pairs, no duplicates, no
    self-loops)."""
    pairs, start, neighbours = neighbour_arrays(n, edge_list)
    gone, sub, tree = _peel(start, neighbours)
    core = np.flatnonzero(~gone)
    number = np.full(n, -1, dtype=np.int64)
    number[core] = np.arange(core.size)
    kept = pairs[~gone[pairs[:, 0]] & ~gone[pairs[:, 1]]]
    return Folded(n, core, sub[core], number[kept], tree)


def warm() -> None:
    """Load the compiled code now (see `brandes.warm`)."""
    fold(3, [(0, 1), (1, 2)])
