"""`make bench`: run the benchmarks on PostgreSQL and write bench/results/<name>.json.

Usage: python -m bench [--rebuild] (DATABASE_URL or BENCH_DATABASE_URL picks the database).
"""

from __future__ import annotations

import argparse

from bench.harness import setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description="Gonghui benchmarks")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the bench data even if present")
    parser.add_argument(
        "--only",
        choices=[
            "tree",
            "members_import",
            "members_list",
            "members_join",
            "assistance",
            "innovation",
            "portal",
            "stations",
            "events",
            "benefits",
            "appointments",
            "competitions",
            "certification",
            "rights_cases",
            "earlywarning",
            "reports",
        ],
        help="run one benchmark",
    )
    parser.add_argument("--import-rows", type=int, default=1_000_000, help="roster size for members_import")
    parser.add_argument("--peer-rows", type=int, default=50_000, help="rows for the django-import-export peer")
    args = parser.parse_args()
    setup_django()
    from bench import assistance, events, innovation, join_load, members_import, members_list, portal, stations, tree

    if args.only in (None, "tree"):
        tree.main(rebuild=args.rebuild)
    if args.only in (None, "members_import"):
        members_import.main(rows=args.import_rows, peer_rows=args.peer_rows)
    if args.only in (None, "members_list"):
        members_list.main(rebuild=args.rebuild)
    if args.only in (None, "members_join"):
        join_load.main()
    if args.only in (None, "assistance"):
        assistance.main(rebuild=args.rebuild)
    if args.only in (None, "innovation"):
        innovation.main(rebuild=args.rebuild)
    if args.only in (None, "portal"):
        portal.main()
    if args.only in (None, "stations"):
        stations.main(rebuild=args.rebuild)
    if args.only in (None, "events"):
        events.main(rebuild=args.rebuild)
    if args.only in (None, "benefits"):
        from bench import benefits

        benefits.main(rebuild=args.rebuild)
    if args.only in (None, "appointments"):
        from bench import appointments

        appointments.main(rebuild=args.rebuild)
    if args.only in (None, "competitions"):
        from bench import competitions

        competitions.main(rebuild=args.rebuild)
    if args.only in (None, "certification"):
        from bench import certification

        certification.main(rebuild=args.rebuild)
    if args.only in (None, "rights_cases"):
        from bench import rights_cases

        rights_cases.main(rebuild=args.rebuild)
    if args.only in (None, "earlywarning"):
        from bench import earlywarning

        earlywarning.main(rebuild=args.rebuild)
    if args.only in (None, "reports"):
        from bench import reports

        reports.main(rebuild=args.rebuild)


if __name__ == "__main__":
    main()
