"""The measures of a network too large for the exact methods to answer in seconds: sampled
betweenness with a stated error, and communities by label propagation.

    if is_large(nodes, ties):
        values, estimate = sampled_betweenness(n, edge_list, top=20)
        labels = label_propagation(n, edge_list)

Exact betweenness (Brandes) costs one breadth-first search from every actor: actors x ties
steps, 1.6 billion for a published municipality (20,000 actors, 80,000 ties), a minute and a
half on this kind of laptop. Up to `LARGE_WORK` steps it stays exact (rustworkx, on every core);
above, the same searches run from a sample of pivots only (Brandes & Pich 2007): actors in a
fixed pseudo-random order (seeded, so a file gives the same figures every time), without
replacement, each pivot's dependencies scaled by n/k as networkx does with `k=`. The order is
stratified by community when `groups` are given: every prefix of it takes about the same share
of each community, so a neighbourhood's bridge is not over- or under-counted because its own
neighbourhood happened to get more or fewer pivots than its size. Pivots are added in rounds
that double (128, 256, ...) until the top of the ranking (the first `top` actors) is the same
set twice in a row, or the budget is spent: at most `MAX_PIVOTS` pivots and `PIVOT_STEPS` edge
visits, at least one round: 512 pivots for 5,000 actors with 20,000 ties and for 20,000 with
80,000 (a second or two, five or six), 205 for 50,000 with 200,000.

The stated error is per actor: 1.96 standard errors of its mean over the pivots (with the
finite-population correction, so it is 0 when every actor was a pivot): a 95 % interval by the
normal approximation. No bound that holds for every graph a priori is useful at this size (a
pivot's dependency on an actor may range up to the whole network: Hoeffding's or Bernstein's
bound with that range exceeds the values themselves at a thousand pivots). `Estimate.error` is
the largest of those intervals among the top actors.

Louvain (networkx) takes longer than the sampled betweenness at this size; label propagation
on the same graph finds the same kind of groups in a fraction of a second: each round, every
actor of one of eight fixed slices takes the label most of its neighbours carry (among equals
its own if it is one of them, else the first in a seeded order), until fewer than one in a
thousand labels change.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import rustworkx as rx

# actors x ties up to which betweenness is exact and communities are Louvain's
LARGE_WORK = 25_000_000
SEED = 7
FIRST_ROUND = 128
MAX_PIVOTS = 512
PIVOT_STEPS = 82_000_000
Z95 = 1.96


@dataclass(frozen=True)
class Estimate:
    """How a sampled betweenness was made, for the output to say so."""

    actors: int
    pivots: int
    top: int  # the size of the top whose stability ended the sampling
    stable: bool  # the top was the same set in the last two rounds (else: max_pivots reached)
    error: float  # the largest 95 % interval (+-) of a betweenness among the top actors
    confidence: float = 0.95


def is_large(nodes: int, ties: int) -> bool:
    return nodes * ties > LARGE_WORK


def exact_betweenness(n: int, edge_list: list[tuple[int, int]]) -> list[float]:
    """Brandes on every core (rustworkx's threads start at 50 nodes), normalised as networkx."""
    if not n:
        return []
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(n))
    graph.extend_from_edge_list(edge_list)
    values = rx.betweenness_centrality(graph, normalized=True, parallel_threshold=50)
    return [float(values[i]) for i in range(n)]


class _Csr:
    """The undirected graph as neighbour arrays, for breadth-first searches in numpy."""

    def __init__(self, n: int, edge_list: list[tuple[int, int]]):
        pairs = np.asarray(edge_list, dtype=np.int64).reshape(-1, 2)
        tails = np.concatenate([pairs[:, 0], pairs[:, 1]])
        heads = np.concatenate([pairs[:, 1], pairs[:, 0]])
        self.n = n
        self.neighbours = heads[np.argsort(tails, kind="stable")]
        self.degree = np.bincount(tails, minlength=n)
        self.start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(self.degree, out=self.start[1:])
        self._dist = np.empty(n, dtype=np.int64)

    def dependencies(self, source: int) -> np.ndarray:
        """Brandes's dependency of `source` on every node (shortest paths from `source`)."""
        n, dist = self.n, self._dist
        dist.fill(-1)
        dist[source] = 0
        sigma = np.zeros(n)
        sigma[source] = 1.0
        frontier = np.array([source])
        levels = []
        depth = 0
        while True:
            counts = self.degree[frontier]
            ends = np.cumsum(counts)
            total = int(ends[-1])
            if not total:
                break
            at = np.repeat(self.start[frontier] - ends + counts, counts) + np.arange(total)
            reached = self.neighbours[at]
            fresh = dist[reached] < 0
            if not fresh.any():
                break
            dist[reached[fresh]] = depth + 1
            onward = dist[reached] == depth + 1  # every shortest-path edge into the next level
            heads = reached[onward]
            tails = np.repeat(frontier, counts)[onward]
            sigma += np.bincount(heads, weights=sigma[tails], minlength=n)
            levels.append((tails, heads))
            depth += 1
            frontier = np.flatnonzero(dist == depth)
        delta = np.zeros(n)
        for tails, heads in reversed(levels):
            share = sigma[tails] / sigma[heads] * (1.0 + delta[heads])
            delta += np.bincount(tails, weights=share, minlength=n)
        delta[source] = 0.0
        return delta


def sampled_betweenness(
    n: int,
    edge_list: list[tuple[int, int]],
    *,
    top: int = 20,
    groups: list[int] | None = None,
    seed: int = SEED,
    max_pivots: int | None = None,
) -> tuple[list[float], Estimate]:
    """Normalised betweenness (as networkx's) estimated from pivots; see the module docstring.
    `groups`: a community label per node, to stratify the pivots by."""
    top = max(1, min(top, n))
    if n < 3:
        return [0.0] * n, Estimate(n, n, top, True, 0.0)
    graph = _Csr(n, edge_list)
    order = _pivot_order(n, groups, seed)
    if max_pivots is None:
        max_pivots = min(MAX_PIVOTS, max(FIRST_ROUND, PIVOT_STEPS // max(1, 2 * len(edge_list))))
    limit = min(n, max_pivots)
    scale = n / ((n - 1) * (n - 2))  # a pivot's share of the normalised betweenness, times k
    sums = np.zeros(n)
    squares = np.zeros(n)
    checkpoint, previous, stable, k = FIRST_ROUND, None, False, 0
    while k < limit:
        x = graph.dependencies(int(order[k])) * scale
        sums += x
        squares += x * x
        k += 1
        if k in (checkpoint, limit):
            leaders = frozenset(np.argsort(-sums, kind="stable")[:top].tolist())
            if leaders == previous:
                stable = True
                break
            previous, checkpoint = leaders, checkpoint * 2
    mean = sums / k
    error = _interval(mean, squares / k, k, n)
    leaders_idx = np.argsort(-mean, kind="stable")[:top]
    estimate = Estimate(n, k, top, stable or k == n, float(error[leaders_idx].max()))
    return mean.tolist(), estimate


def _pivot_order(n: int, groups: list[int] | None, seed: int) -> np.ndarray:
    """Every node once, in a seeded order; with `groups`, each group spread evenly over it."""
    rng = np.random.default_rng(seed)
    if groups is None:
        return rng.permutation(n)
    label = np.asarray(groups, dtype=np.int64)
    shuffled = rng.permutation(n)
    by_group = shuffled[np.argsort(label[shuffled], kind="stable")]  # groups, shuffled inside
    sizes = np.bincount(label[by_group])
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    place = np.arange(n) - first[label[by_group]]  # 0.. within the group
    offset = rng.random(sizes.size)[label[by_group]]
    key = (place + offset) / sizes[label[by_group]]  # evenly spaced over (0, 1) per group
    return by_group[np.argsort(key, kind="stable")]


def _interval(mean: np.ndarray, mean_square: np.ndarray, k: int, n: int) -> np.ndarray:
    """1.96 standard errors of each mean over k of n pivots drawn without replacement."""
    if k >= n:
        return np.zeros_like(mean)
    variance = np.maximum(mean_square - mean * mean, 0.0) * k / max(k - 1, 1)
    return Z95 * np.sqrt(variance / k * (n - k) / (n - 1))


def label_propagation(n: int, edge_list: list[tuple[int, int]], rounds: int = 40) -> list[int]:
    """A label per node (isolated nodes keep their own); nodes with one label form a group."""
    labels = np.arange(n, dtype=np.int64)
    if not edge_list:
        return labels.tolist()
    pairs = np.asarray(edge_list, dtype=np.int64).reshape(-1, 2)
    tails = np.concatenate([pairs[:, 0], pairs[:, 1]])
    heads = np.concatenate([pairs[:, 1], pairs[:, 0]])
    rng = np.random.default_rng(SEED)
    slice_of = rng.integers(0, 8, size=n)
    priority = rng.permutation(n)
    by_slice = [np.flatnonzero(slice_of[tails] == s) for s in range(8)]
    for _ in range(rounds):
        changed = 0
        for edges in by_slice:
            if not edges.size:
                continue
            node, label = tails[edges], labels[heads[edges]]
            key = node * n + label
            key.sort()
            distinct, counts = np.unique(key, return_counts=True)
            node, label = distinct // n, distinct % n
            # per node: the most frequent label; among equals its own, else a seeded draw
            keep = label != labels[node]
            pick = np.lexsort((priority[label], keep, -counts, node))
            first = np.ones(pick.size, dtype=bool)
            first[1:] = node[pick][1:] != node[pick][:-1]
            chosen_node, chosen = node[pick][first], label[pick][first]
            changed += int((labels[chosen_node] != chosen).sum())
            labels[chosen_node] = chosen
        if changed * 1000 < n:
            break
    return labels.tolist()
