"""The benchmark builds the tree the issue names (not a timing test: timings live in bench/)."""

from collections import Counter

from bench.tree import STEP, _tree_rows


def test_bench_tree_has_20000_nodes_and_a_1701_node_subtree() -> None:
    rows = _tree_rows()
    paths = [r[0] for r in rows]
    assert len(rows) == 20_001 and len(set(paths)) == len(paths)  # 20,000 + the second city root
    first_county = paths[1]
    assert sum(p.startswith(first_county) for p in paths) == 1_701
    depths = Counter(len(p) // STEP for p in paths)
    assert depths == {1: 2, 2: 12, 3: 17 * 11 + 13, 4: 99 * 17 * 11 + 98 * 13}
    numchild = {r[0]: r[2] for r in rows}
    assert all(sum(1 for q in paths if q[:-STEP] == p) == numchild[p] for p in paths[:40])
