"""集体合同 figures for a union's subtree and a year: contracts in force by kind and level, the enterprises and
workers they cover, and those expiring within 90 days; each links to the contracts list it counts."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, Rollup, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.rights.contracts.choices import ContractLevel, Kind
from gonghui.rights.contracts.models import Contract, Coverage
from gonghui.rights.contracts.selectors import expiring, in_force

DEFINITIONS = {
    "contracts": _("期限与本年度有交叉的、已签订的集体合同份数（本会及下级工会协商的，含已报送、已公示的）。"),
    "contracts_kind": _("按类别统计的本年度有效集体合同份数。"),
    "contracts_level": _("按层级（企业、区域性、行业性）统计的本年度有效集体合同份数。"),
    "contracts_enterprises": _("本年度有效集体合同覆盖的企业数，一家企业被多份合同覆盖只计一次。"),
    "contracts_workers": _(
        "本年度有效集体合同覆盖企业的职工数：各企业所在工会签订时的在册会员数，一家企业只计一次（取其各合同中的最大值）。"
    ),
    "contracts_expiring": _("截至今日，90天内到期且尚未续签的已签订集体合同份数。"),
}


def contract_figures(org: OrgNode, year: int) -> list[Figure]:
    mine = Contract.objects.filter(org__path__startswith=org.path)
    live = in_force(mine, year)
    counts = live.aggregate(
        n=Count("pk"),
        **{f"kind_{k}": Count("pk", filter=Q(kind=k)) for k in Kind.values},
        **{f"level_{v}": Count("pk", filter=Q(level=v)) for v in ContractLevel.values},
    )
    workers: dict[int, int] = {}
    for enterprise_id, n in Coverage.objects.filter(contract__in=live).values_list("enterprise_id", "workers"):
        workers[enterprise_id] = max(n, workers.get(enterprise_id, 0))
    link = figure_link("contracts:list", org, year=year)
    figures = [
        Figure("contracts", _("有效集体合同"), counts["n"], _("份"), link),
        *(
            Figure(f"contracts_kind_{k.value}", k.label, counts[f"kind_{k.value}"], _("份"), f"{link}&kind={k.value}")
            for k in Kind
            if counts[f"kind_{k.value}"]
        ),
        *(
            Figure(
                f"contracts_level_{v.value}",
                _("%(l)s合同") % {"l": v.label},
                counts[f"level_{v.value}"],
                _("份"),
                f"{link}&level={v.value}",
            )
            for v in ContractLevel
            if counts[f"level_{v.value}"]
        ),
        Figure("contracts_enterprises", _("覆盖企业"), len(workers), _("家"), link, rollup=Rollup.RECOUNT),
        Figure("contracts_workers", _("覆盖职工"), sum(workers.values()), _("人"), link, rollup=Rollup.RECOUNT),
        Figure(
            "contracts_expiring",
            _("90天内到期的合同"),
            expiring(mine).count(),
            _("份"),
            figure_link("contracts:list", org, soon=1),
            rollup=Rollup.RECOUNT,
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("contracts", _("集体合同"), contract_figures, order=97)
