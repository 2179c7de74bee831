"""`make bench`: run the benchmarks on PostgreSQL and write bench/results/<name>.json.

Usage: python -m bench [--rebuild] (DATABASE_URL or BENCH_DATABASE_URL picks the database).
"""

from __future__ import annotations

import argparse

from bench.harness import setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description="Gonghui benchmarks")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the bench data even if present")
    args = parser.parse_args()
    setup_django()
    from bench import tree

    tree.main(rebuild=args.rebuild)


if __name__ == "__main__":
    main()
