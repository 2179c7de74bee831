"""What the help desk adds to the worker portal: the enterprise's need entry on the union page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from gonghui.common.portal import UnionEntry, register_union_entry


def register() -> None:
    register_union_entry(
        UnionEntry(
            gettext_lazy("企业技术难题求助"), gettext_lazy("劳模工匠助企行：企业点菜，工会点将"), "desk:post", order=40
        )
    )
