from gonghui.orgs.roles import Perm, Role
from gonghui.orgs.scope import _minimal, scope_for
from gonghui.orgs.selectors import enterprises_for, orgs_for
from tests.factories import UserFactory, grant
from tests.world import World


def test_a_role_covers_its_subtree_only(world: World) -> None:
    names = set(orgs_for(world.users["owner"]).values_list("code", flat=True))
    assert names == {"w-county-a", "w-town-a", "w-union-a", "w-joint-a"}
    assert set(orgs_for(world.users["sibling"]).values_list("code", flat=True)) == {"w-county-b", "w-union-b"}
    assert not orgs_for(world.users["outsider"]).exists()


def test_several_roles_union_and_nested_roles_collapse(world: World) -> None:
    user = UserFactory()
    grant(user, world.town_a, Role.READONLY)
    grant(user, world.union_a, Role.ADMIN)  # inside town_a: adds nothing to VIEW
    grant(user, world.union_b, Role.READONLY)
    scope = scope_for(user)
    assert scope.paths == (world.town_a.path, world.union_b.path) or set(scope.paths) == {
        world.town_a.path,
        world.union_b.path,
    }
    assert scope_for(user, Perm.PII_FULL).paths == (world.union_a.path,)


def test_minimal_paths() -> None:
    assert _minimal(["0001", "00010002", "0002", "00020001"]) == ("0001", "0002")


def test_superuser_sees_everything(world: World) -> None:
    assert orgs_for(UserFactory(is_superuser=True)).count() == 7


def test_inactive_users_see_nothing(world: World) -> None:
    owner = world.users["owner"]
    owner.is_active = False
    assert scope_for(owner).is_empty


def test_search_by_traditional_pinyin_initials_and_code(world: World) -> None:
    owner = world.users["owner"]
    for query in ("測試基層", "测试基层", "ceshi", "csjc", "w-union"):
        assert list(orgs_for(owner, q=query).values_list("code", flat=True)) == ["w-union-a"], query


def test_enterprises_follow_their_union_into_the_scope(world: World) -> None:
    seen = list(enterprises_for(world.users["same"]))
    assert world.enterprise in seen and all(e.union.path.startswith(world.town_a.path) for e in seen)
    assert not enterprises_for(world.users["sibling"]).exists()
    assert world.enterprise in enterprises_for(world.users["owner"], q=world.enterprise.uscc[:8])
    assert list(enterprises_for(world.users["owner"], q=world.enterprise.uscc)) == [world.enterprise]
