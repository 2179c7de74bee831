from __future__ import annotations

from typing import Any

import pytest

from gonghui.orgs.roles import Role
from tests.factories import Tree, UserFactory, grant


@pytest.fixture
def money(tree: Tree) -> Any:
    """A maker (帮扶专员) and a checker (财务) of the county, besides the tree's cadres."""
    maker = UserFactory(username="county-maker")
    grant(maker, tree.county, Role.ASSISTANCE)
    checker = UserFactory(username="county-checker")
    grant(checker, tree.county, Role.FINANCE)
    return type("Money", (), {"maker": maker, "checker": checker})
