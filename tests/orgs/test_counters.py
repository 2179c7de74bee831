from gonghui.orgs.counters import subtree_total, subtree_totals
from gonghui.orgs.models import OrgNode
from gonghui.orgs.services import org_member_count_adjust
from tests.world import World


def test_roll_up_matches_a_naive_sum(world: World) -> None:
    for node, n in ((world.union_a, 30), (world.joint_a, 7), (world.town_a, 2), (world.union_b, 11)):
        org_member_count_adjust(org_id=node.pk, delta=n)
    totals = subtree_totals()
    for node in OrgNode.objects.all():
        naive = sum(OrgNode.objects.filter(path__startswith=node.path).values_list("member_count", flat=True))
        assert totals[node.pk] == naive == subtree_total(node)
    world.refresh()
    assert totals[world.root.pk] == 51 and totals[world.county_a.pk] == 40  # + the world's one active member
    assert subtree_totals(root=world.county_b) == {world.county_b.pk: 11, world.union_b.pk: 11}
