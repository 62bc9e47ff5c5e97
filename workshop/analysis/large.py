"""The measures of a network too large for the exact methods to answer in seconds: sampled
betweenness with a stated error, and communities by label propagation.

    if is_large(nodes, ties):
        values, estimate = sampled_betweenness(n, edge_list, top=20)
        labels = label_propagation(n, edge_list)

Exact betweenness (Brandes) costs one breadth-first search from every actor: actors x ties
steps, 1.6 billion for a published municipality (20,000 actors, 80,000 ties). Up to
`COMPILED_WORK` rustworkx computes it; above, the compiled Brandes of `brandes` (numba, on
every core): every actor of the flat 20,000/80,000 network of the benchmark as a source takes
8.6-9.1 s on both cores, where rustworkx took 176 s in the same hour. There the actors with
one tie are folded out first (`folding`: each into the actor it hangs from, whole hanging
trees too, a component that is a tree into one actor): only the core is searched, with
weights, and the trees' share is added exactly; the figures are networkx's all the same. In a
generated municipality where 35 % of the actors are named once (`named_once` in
tests/benchmarks/test_connectors_scale.py) the core is 13,000 actors with 73,000 ties, and the
measures take 5.3 s where the whole network takes 11.5 (`uniform`, where only 33 fold).
Folding takes 14 ms there.

Up to `LARGE_WORK` steps it stays exact; above, the same searches run from a sample of pivots
(Brandes & Pich 2007): core actors in a fixed pseudo-random order (seeded, so a file gives the
same figures every time), without replacement, each pivot's dependencies (times its weight)
scaled by n_core/k as networkx does with `k=`, plus the trees' exact share. The order is
stratified by community when `groups` are given: every prefix of it takes about the same share
of each community's core actors, so a neighbourhood's bridge is not over- or under-counted
because its own neighbourhood happened to get more or fewer pivots than its size.

Pivots are added in rounds that double (128, 256, ...) until the top of the ranking (the
first `top` actors) is the same set twice in a row, or every core actor has been a pivot (the
figures are then the exact ones: `Estimate.exact`, and the outputs say "exact"), or the
budget is spent (`PIVOT_STEPS` edge visits of the core: every actor for 20,000 actors with
80,000 ties, 8,000 pivots for 50,000 with 200,000). The rounds add up, so going on to every
core actor costs no more than the exact betweenness would have. Measured on the three
generated municipalities of 20,000 actors and 80,000 ties of the benchmark (2 cores, one run
in a slow hour): where city-wide organisations stand out
(`hubs`), the top 20 is settled, and the right set, after 2,048 pivots (2.5 s of CPU, 1.7 s
wall; 4,096 pivots and 6.0 s before folding, whose other pivot order settled a round later); where
the top is flat (`uniform`, ranks 19 to 21 within 1.3 %; `named_once`, within 1.4 %), it
changes with every round and the sampling runs on to the exact figures (20.5 and 9.3 s of
CPU, 11.5 and 5.3 s wall). A stricter stop, the top's 99 % intervals clear of everyone else's, was tried before
folding: it held only after 16,384 of the 20,000 pivots on `hubs` and `uniform`. A flat top
needs nearly every source whatever the sampling: `uniform`'s 20th and 21st differ by 0.6 %,
`named_once`'s by 0.7 %.

The stated error is per actor: 1.96 standard errors of its mean over the pivots (with the
finite-population correction, so it is 0 when every core actor was a pivot; a folded actor's
figure is exact, its error 0): a 95 % interval by the normal approximation. No bound that
holds for every graph a priori is useful at this size (a pivot's dependency on an actor may
range up to the whole network: Hoeffding's or Bernstein's bound with that range exceeds the
values themselves at a thousand pivots). `Estimate.error` is the largest of those intervals
among the top actors.

Louvain (networkx) takes longer than the sampled betweenness at this size; label propagation
(`propagation`, compiled) on the same graph finds the same kind of groups in 0.04 s: each round, every
actor of one of eight fixed slices takes the label most of its neighbours carry (among equals
its own if it is one of them, else the first in a seeded order), until fewer than one in a
thousand labels change.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

import numpy as np
import rustworkx as rx

# actors x ties up to which betweenness is exact and communities are Louvain's
LARGE_WORK = 25_000_000
# actors x ties above which `workshop connectors` says first that it takes a while: 10,000
# actors with 40,000 ties take about 3 s on a 2-core machine, 20,000 with 80,000 up to 15 s
SLOW_WORK = 400_000_000
# actors x ties above which the exact betweenness is the compiled one (`brandes`), not rustworkx
COMPILED_WORK = 4_000_000
SEED = 7
FIRST_ROUND = 128
MAX_PIVOTS = 1_000_000
# edge visits the sampling may spend: every actor a pivot for 20,000 actors with 80,000 ties
PIVOT_STEPS = 3_200_000_000
Z95 = 1.96


@dataclass(frozen=True)
class Estimate:
    """How a sampled betweenness was made, for the output to say so."""

    actors: int  # every actor of the network, folded or not
    pivots: int  # the sources searched from: core actors (see `folding`), never a folded one
    top: int  # the size of the top whose stability ended the sampling
    stable: bool  # the top was the same set in the last two rounds, or every source a pivot
    error: float  # the largest 95 % interval (+-) of a betweenness among the top actors
    confidence: float = 0.95
    sources: int | None = None  # the core actors, those that can be pivots (None: every actor)

    @property
    def exact(self) -> bool:
        """Every core actor was a pivot: the figures are the exact betweenness (the folded
        actors' part is exact whatever the pivots)."""
        return self.pivots >= (self.actors if self.sources is None else self.sources)


def method(estimate: Estimate | None) -> str:
    """What the outputs call the betweenness: "exact", or "sampled" (an estimate)."""
    return "sampled" if estimate is not None and not estimate.exact else "exact"


def is_large(nodes: int, ties: int) -> bool:
    return nodes * ties > LARGE_WORK


def is_slow(nodes: int, ties: int) -> bool:
    return nodes * ties > SLOW_WORK


@functools.cache  # one loading thread, however often it is asked for
def preload() -> threading.Thread:
    """Start loading the compiled Brandes in the background (importing numba and its first
    call take about a second), while the caller reads the file and finds the communities;
    join it before `sampled_betweenness`. Started once: a second call returns the same thread
    (`workshop connectors` starts it as soon as it has counted the actors and ties, `measure`
    again when it gets there). A failure here is left to the real call to meet and report."""

    def load() -> None:
        try:
            from workshop.analysis import brandes, folding, propagation

            folding.warm()
            propagation.warm()
            brandes.warm()
        except Exception:  # noqa: BLE001, S110 - the real call meets it again and reports it
            pass

    thread = threading.Thread(target=load, name="brandes-preload", daemon=True)
    thread.start()
    return thread


def exact_betweenness(n: int, edge_list: list[tuple[int, int]]) -> list[float]:
    """Brandes on every core, normalised as networkx: rustworkx's up to `COMPILED_WORK`
    (its threads start at 50 nodes), the compiled one (`brandes`) above, searching only the
    core left when the actors with one tie are folded away (`folding`)."""
    if not n:
        return []
    if n * len(edge_list) > COMPILED_WORK and n > 2:
        from workshop.analysis import brandes, folding  # here: numba takes 0.5 s to import

        folded = folding.fold(n, edge_list)
        core = brandes.Graph(folded.size, folded.edges, folded.weight)
        sums, _ = core.dependencies(np.arange(folded.size))
        return (folded.spread(sums) / ((n - 1) * (n - 2))).tolist()
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(n))
    graph.extend_from_edge_list(edge_list)
    values = rx.betweenness_centrality(graph, normalized=True, parallel_threshold=50)
    return [float(values[i]) for i in range(n)]


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
    `groups`: a community label per node, to stratify the pivots by. The pivots are core
    actors (`folding`); `max_pivots` counts them; the folded actors' part is exact."""
    top = max(1, min(top, n))
    if n < 3:
        return [0.0] * n, Estimate(n, n, top, True, 0.0)
    from workshop.analysis import brandes, folding  # here: numba takes 0.5 s to import

    folded = folding.fold(n, edge_list)
    core = folded.size
    graph = brandes.Graph(core, folded.edges, folded.weight)
    label = None if groups is None else np.asarray(groups, dtype=np.int64)[folded.core]
    order = _pivot_order(core, label, seed)
    if max_pivots is None:
        steps = PIVOT_STEPS // max(1, 2 * len(folded.edges))
        max_pivots = min(MAX_PIVOTS, max(FIRST_ROUND, steps))
    limit = min(core, max_pivots)
    norm = 1.0 / ((n - 1) * (n - 2))
    scale = core * norm  # a pivot's share of the normalised betweenness, times k
    trees = folded.tree * norm  # exact: what the folded trees account for
    k, checkpoint, previous, settled = 0, min(FIRST_ROUND, limit), None, False
    while True:
        # in node order: neighbouring sources one after another search faster (the same sums,
        # to rounding)
        sums, squares = graph.dependencies(np.sort(order[k:checkpoint]))
        k = checkpoint
        sampled = sums * (scale / k)
        mean = trees.copy()
        mean[folded.core] += sampled
        leaders = np.argsort(-mean, kind="stable")[:top]
        settled = k == core or frozenset(leaders.tolist()) == previous
        if settled or k >= limit:
            break
        previous, checkpoint = frozenset(leaders.tolist()), min(2 * k, limit)
    error = np.zeros(n)  # a folded node's betweenness is exact
    error[folded.core] = _interval(sampled, squares * (scale * scale / k), k, core)
    estimate = Estimate(n, k, top, settled, float(error[leaders].max()), sources=core)
    return mean.tolist(), estimate


def _pivot_order(n: int, label: np.ndarray | None, seed: int) -> np.ndarray:
    """Every node once, in a seeded order; with a group `label` per node, each group spread
    evenly over it."""
    rng = np.random.default_rng(seed)
    if label is None:
        return rng.permutation(n)
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
    """A label per node (isolated nodes keep their own); nodes with one label form a group.
    Compiled (`propagation`): join `preload` first, or this imports numba itself."""
    if not edge_list:
        return list(range(n))
    from workshop.analysis import propagation  # here: numba takes 0.5 s to import

    rng = np.random.default_rng(SEED)
    slice_of = rng.integers(0, 8, size=n)
    priority = rng.permutation(n)
    return propagation.propagate(n, edge_list, slice_of, priority, rounds).tolist()
