"""Brandes's betweenness from a set of sources, compiled (numba) and on every core.

    graph = Graph(n, edge_list, weight)    # neighbour arrays of the undirected graph
    sums, squares = graph.dependencies(sources)   # per node: the sum over the sources of the
                                                  # source's dependency on it, and of its square

With weights (default 1) a node stands for that many: a source's dependency counts weight(s)
times, and a target t counts weight(t) in it (Brandes's `1 + delta(t)` is `weight(t) +
delta(t)`). The large networks are searched that way on their core, the nodes with one tie
folded into their neighbours (`workshop.analysis.folding`, which adds what the folded trees
account for). Summed over every node as source, unweighted, `sums / ((n - 1) * (n - 2))` is
the normalised betweenness that networkx and rustworkx give; over a sample of pivots it is
Brandes & Pich's estimate (`workshop.analysis.large`), and `squares` gives its spread.

Each source is one breadth-first search that counts shortest paths and lists the edges on
them, then one pass back over those edges, deepest first. The search goes level by level in
the direction that looks at fewer tie ends (Beamer's direction-optimising search, here
counting every shortest path, so no early stop): from the frontier outward while the
frontier is small, and once the nodes not reached yet have less than half the frontier's tie
ends, from each of those nodes back to its predecessors on the frontier. In a small world the
middle levels hold most nodes, so the later levels are cheaper seen from the few nodes left.
A node's level is kept as 1 + level mod 3 in a byte: a neighbour's level differs by at most
one. Three things took 40 % off the search (on the flat 20,000/80,000 network of
tests/benchmarks/test_connectors_scale.py, every actor a source, on both cores: 14.9 s
without them, 8.6 to 9.1 s with them, back to back on one machine):
- every index is unsigned: numba adds the length to a negative signed index (Python's
  a[-1]), and that select at every tie end, with the registers it took, cost a fifth;
- the step outward has no branch: whether a tie end leads to a node not reached yet, one on
  the next level or one behind is a coin toss on the middle levels, and the mispredicted
  branch cost more than storing every tie end's node and adding zero to its path count;
- each level is searched in node order (a bit per node found outward, read back word by
  word; the steps from the unreached list them so anyway), so the tie ends are read in
  memory order: 8 % less.
Tried and not faster here: nodes renumbered in Cuthill-McKee order, batches of 8 or 64
sources searched at once in bit sets, 32-bit path counts, one array for both directions'
edge lists.

The sources are dealt to one thread per core in a fixed way (the i-th to thread i mod
threads), and each thread adds into its own sums: the same file on the same machine gives the
same figures to the last bit. The compiled code is cached next to this file (or in the user's
cache folder where that is not writable): only the first run after an install compiles (a few
seconds); a small network never gets here (`large.exact_betweenness` uses rustworkx there).
"""

from __future__ import annotations

import os
import threading

import numpy as np
from numba import njit

from workshop.analysis.arrays import neighbour_arrays

# The lowest set bit of a word, by De Bruijn's multiplication (numba has no count of
# trailing zeros): _BIT_AT[((word & -word) * _DE_BRUIJN) >> 58] is its index.
_DE_BRUIJN = np.uint64(0x03F79D71B4CB0A89)
_BIT_AT = np.zeros(64, np.uint64)
_BIT_AT[((np.uint64(1) << np.arange(64, dtype=np.uint64)) * _DE_BRUIJN) >> np.uint64(58)] = (
    np.arange(64)
)


@njit(cache=True, nogil=True)
def _accumulate(start, neighbours, weight, sources, first, step, sums, squares):  # pragma: no cover
    # (compiled: coverage does not see inside; tests hold it to networkx)
    n = start.size - 1
    # Every index into the per-node and per-tie arrays is unsigned: numba adds the length to a
    # negative signed index (Python's a[-1]), and that select at every tie end, with the
    # registers it takes, cost a fifth of the search.
    ONE = np.uint64(1)
    nodes = np.uint64(n)
    ends = np.uint64(neighbours.size)
    mark = np.zeros(n, np.uint8)  # 0: not reached yet; else 1 + its level mod 3
    sigma = np.zeros(n)  # shortest paths from the source
    coef = np.zeros(n)  # (weight + dependency) / sigma, once a node's dependency is known
    into = np.zeros(n)  # dependency gathered from the successors found bottom-up
    # the nodes level by level, as the search reached them (one more: the step outward
    # stores each tie end's node before it knows whether it is new)
    order = np.empty(n + 1, np.uint32)
    level_at = np.empty(n + 1, np.uint64)  # level L is order[level_at[L]:level_at[L + 1]]
    upward = np.zeros(n, np.bool_)  # level L + 1 was found bottom-up (from the unreached)
    path = np.empty(ends + ONE, np.uint32)  # per reached node, its successors or predecessors
    down = np.empty((n, 2), np.uint64)  # per place in `order`: its successors in `path`
    up = np.empty((n, 2), np.uint64)  # per place in `order`: its predecessors in `path`
    unreached = np.empty(n, np.uint32)
    found = np.zeros((n >> 6) + 1, np.uint64)  # bit per node: found by the step outward
    SIX, LOW6, TOP6 = np.uint64(6), np.uint64(63), np.uint64(58)
    degree = start[1:] - start[:-1]
    for k in range(first, sources.size, step):
        s = sources[k]
        times = weight[s]
        order[0] = s
        mark[s] = 1
        sigma[s] = 1.0
        tail = ONE
        level = 0
        level_at[0] = 0
        level_at[1] = 1
        count = np.uint64(0)
        frontier = degree[s]  # tie ends of the current level's nodes
        beyond = ends - frontier  # tie ends of the nodes not reached yet
        listing = False  # `unreached` is listed, once the first step went upward
        listed = np.uint64(0)  # how many of `unreached` are listed
        while True:
            lo, hi = level_at[level], level_at[level + 1]
            here = np.uint8(1 + level % 3)
            onward = np.uint8(1 + (level + 1) % 3)
            # upward once the unreached have less than half the frontier's tie ends: a tie end
            # looked at from the unreached costs about twice one looked at outward (a branch
            # there, none outward)
            upward[level] = beyond + beyond < frontier
            if upward[level]:
                # fewer tie ends left among the unreached than at the frontier: each
                # unreached node looks for its predecessors on this level
                if not listing:
                    listing = True
                    for u in range(nodes):
                        if mark[u] == 0:
                            unreached[listed] = u
                            listed += ONE
                kept = np.uint64(0)
                for r in range(listed):
                    u = unreached[r]
                    paths = 0.0
                    begin = count
                    for e in range(start[u], start[u + ONE]):
                        v = neighbours[e]
                        if mark[v] == here:
                            paths += sigma[v]
                            path[count] = v
                            count += ONE
                    if count > begin:
                        sigma[u] = paths
                        up[tail, 0] = begin
                        up[tail, 1] = count
                        order[tail] = u
                        tail += ONE
                    else:
                        unreached[kept] = u
                        kept += ONE
                listed = kept
                for i in range(hi, tail):
                    mark[order[i]] = onward
            else:
                for i in range(lo, hi):
                    v = order[i]
                    sv = sigma[v]
                    down[i, 0] = count
                    for e in range(start[v], start[v + ONE]):
                        # without a branch: which of the three a tie end is (not reached
                        # yet, on the next level, behind) is a coin toss on the middle
                        # levels, and a mispredicted branch cost more than these stores
                        w = neighbours[e]
                        seen = mark[w]
                        new = np.uint64(seen == 0)
                        onto = new | np.uint64(seen == onward)
                        mark[w] = seen | (onward * np.uint8(new))
                        order[tail] = w  # kept only if new
                        tail += new
                        found[w >> SIX] |= new << (w & LOW6)
                        sigma[w] += sv * onto  # 0 until reached (reset after each source)
                        path[count] = w  # kept only if onto the next level
                        count += onto
                    down[i, 1] = count
                if listing:
                    kept = np.uint64(0)
                    for r in range(listed):
                        if mark[unreached[r]] == 0:
                            unreached[kept] = unreached[r]
                            kept += ONE
                    listed = kept
            if tail == hi:
                break
            if not upward[level]:
                # the new level in node order (the bottom-up steps list it so anyway): its
                # nodes' tie ends are then read in memory order, 8 % faster
                at = hi
                for b in range(found.size):
                    word = found[b]
                    if word:
                        found[b] = 0
                        base = np.uint64(b) << SIX
                        while word:
                            low = word & (~word + ONE)
                            order[at] = base + _BIT_AT[(low * _DE_BRUIJN) >> TOP6]
                            at += ONE
                            word ^= low
            frontier = np.uint64(0)
            for i in range(hi, tail):
                frontier += degree[order[i]]
            beyond -= frontier
            level += 1
            level_at[level + 1] = tail
        # back from the deepest level, which has no successors
        for i in range(level_at[level], level_at[level + 1]):
            coef[order[i]] = weight[order[i]] / sigma[order[i]]
        for lvl in range(level - 1, -1, -1):
            if upward[lvl]:
                for i in range(level_at[lvl + 1], level_at[lvl + 2]):
                    c = coef[order[i]]
                    for j in range(up[i, 0], up[i, 1]):
                        into[path[j]] += c
            for i in range(level_at[lvl], level_at[lvl + 1]):
                v = order[i]
                if upward[lvl]:
                    total = into[v]
                    into[v] = 0.0
                else:
                    total = 0.0
                    for j in range(down[i, 0], down[i, 1]):
                        total += coef[path[j]]
                delta = sigma[v] * total
                coef[v] = (weight[v] + delta) / sigma[v]
                if lvl:
                    delta *= times
                    sums[v] += delta
                    squares[v] += delta * delta
        for i in range(tail):
            mark[order[i]] = 0
            sigma[order[i]] = 0.0


class Graph:
    """The undirected simple graph on nodes 0..n-1 as neighbour arrays."""

    def __init__(self, n: int, edge_list, weight: np.ndarray | None = None):
        _, start, neighbours = neighbour_arrays(n, edge_list)
        self.n = n
        self.neighbours = neighbours.astype(np.uint32)
        self.start = start.astype(np.uint64)  # unsigned, as the search indexes (see there)
        self.weight = np.ones(n) if weight is None else np.ascontiguousarray(weight, np.float64)
        self.threads = max(1, min(os.cpu_count() or 1, 8))
        self._sums = [np.zeros(n) for _ in range(self.threads)]
        self._squares = [np.zeros(n) for _ in range(self.threads)]

    def dependencies(self, sources: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Add the dependencies of `sources` to the running sums; return the sums and the sums
        of squares over every source given so far (call again with more sources to go on)."""
        sources = np.ascontiguousarray(sources, dtype=np.uint32)
        if self.n and sources.size:
            work = [
                threading.Thread(
                    target=_accumulate,
                    args=(self.start, self.neighbours, self.weight, sources, t, self.threads, s, q),
                )
                for t, (s, q) in enumerate(zip(self._sums, self._squares, strict=True))
            ]
            for thread in work:
                thread.start()
            for thread in work:
                thread.join()
        return np.sum(self._sums, axis=0), np.sum(self._squares, axis=0)


def warm() -> None:
    """Load the compiled code now: numba's first call imports and registers about half a
    second of its own machinery (`large.preload` does it beside other work)."""
    Graph(3, [(0, 1), (1, 2)]).dependencies(np.arange(3))
