"""What the work report says, line of work by line of work: a table of sentences over named figures.

Each sentence is a list of clauses joined by "，"; a clause names its figures in braces, `{key}` or
`{key|style}` (style: exact, 余, 多, 超 — see phrasing — or % for a share). A clause is left out when one of
its figures is missing (not registered, or not counted for the period) or zero, a sentence when all its
clauses are, a section when all its sentences are and no notable item belongs to it. So a figure added to the
registry later joins the report by a line here, and a report for a quarter leaves out what is counted by year.

A sentence's `lead` opens it with the period and the union ("截至目前，阜宁县总工会累计…", see narrative.py):
FLOW for what happened in the period, STOCK for what stands at its end. `Listing` lists a family of figures
(stations by kind, honors by level) as "职工书屋14个、母婴关爱室14个".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

FLOW = "flow"
STOCK = "stock"


@dataclass(frozen=True)
class Clause:
    text: Any
    kinds: frozenset[str] = frozenset()  # period kinds it is said for (year, quarter, month, to_date); all if empty


@dataclass(frozen=True)
class Listing:
    """The figures whose keys start with `prefix`, each "label + number + unit", joined by "、" into `text`'s
    {items}; `unit` replaces the figures' own unit when given."""

    prefix: str
    text: Any
    style: str = "exact"
    unit: Any = ""
    kinds: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Sentence:
    clauses: tuple[Clause | Listing, ...]
    lead: str = ""  # FLOW, STOCK or "" (no opening)


@dataclass(frozen=True)
class Section:
    key: str
    title: Any
    sentences: tuple[Sentence, ...] = field(default_factory=tuple)


def _s(*clauses: Any, lead: str = "") -> Sentence:
    return Sentence(tuple(c if isinstance(c, Clause | Listing) else Clause(c) for c in clauses), lead=lead)


TO_DATE = frozenset({"to_date"})
NOT_TO_DATE = frozenset({"year", "quarter", "month"})

SECTIONS: tuple[Section, ...] = (
    Section(
        "org",
        _("组织建设"),
        (
            _s(
                _("共有各级工会组织{orgs_total|exact}个"),
                _("其中基层工会组织{orgs_grassroots|exact}个"),
                _("建会企业{orgs_enterprises|exact}家，覆盖职工{orgs_enterprise_workers}人"),
                _("在册会员{members_total}人"),
                lead=STOCK,
            ),
            _s(
                _("新建工会组织{orgs_new|exact}个"),
                _("其中基层工会组织{orgs_new_grassroots|exact}个"),
                _("发展会员{members_joined}人"),
                _("其中货车司机、快递员、外卖配送员等新就业形态劳动者{members_joined_new_forms|exact}人加入工会组织"),
                lead=FLOW,
            ),
            _s(
                _("会员中女职工占{members_women_share|%}"),
                _("农民工占{members_migrant_share|%}"),
                _("新就业形态劳动者占{members_new_forms_share|%}"),
            ),
        ),
    ),
    Section(
        "service",
        _("服务职工"),
        (
            _s(
                _("建成各类服务阵地{stations|exact}个"),
                Listing("stations_kind_", _("其中{items}"), unit=_("个")),
                _("{rated|exact}个阵地获评星级或示范称号"),
                lead=STOCK,
            ),
            _s(
                _("服务阵地接待职工{visits}人次"),
                _("审批活动室预约{bookings|exact}次"),
                _("举办各类文体活动{events_held}场，参与职工{participants}人"),
                _("提供心理咨询、法律咨询等预约服务{appointments|exact}人次"),
                Listing("appointments_kind_", _("其中{items}"), unit=_("人次")),
                lead=FLOW,
            ),
            _s(
                _("办理工会会员旅游年卡{cards_tour}张"),
                _("会员服务卡{cards_service}张"),
                _("联名银行卡{cards_cobrand}张"),
                _("发展特惠商户{merchants|exact}家"),
                Clause(_("为会员提供“吃穿住行”等优惠额累计{discount_total}元"), kinds=TO_DATE),
                Clause(_("为会员提供“吃穿住行”等优惠{discount_year}元"), kinds=NOT_TO_DATE),
            ),
            _s(
                _("征集职工微心愿{wishes_posted}个"),
                _("已圆梦{wishes_fulfilled}个，圆梦价值{wishes_value}元"),
            ),
        ),
    ),
    Section(
        "assistance",
        _("帮扶救助"),
        (
            _s(
                _("开展“春送岗位、夏送清凉、金秋助学、冬送温暖”等四季送和专项慰问活动{campaigns_held|exact}项"),
                _("惠及职工{campaigns_people|多}人"),
                _("发放资金和物资{campaigns_amount}元"),
                lead=FLOW,
            ),
            _s(
                _("举办招聘会{campaigns_job_fairs|exact}场，提供就业岗位{campaigns_jobs_offered}个"),
            ),
            _s(
                _("新建档困难职工家庭{assistance_opened|exact}户"),
                _("入户走访核实{assistance_visits|exact}次"),
                _("帮助{assistance_closed|exact}户困难职工家庭解困脱困"),
                _("期末在档困难职工家庭{assistance_on_file|exact}户"),
            ),
            _s(
                _("经审核发放帮扶资金和物资{ledger_payouts}笔、{ledger_amount}元"),
                _("受助职工{ledger_people}人"),
            ),
        ),
    ),
    Section(
        "innovation",
        _("建功立业"),
        (
            _s(
                _("申报“五小”创新项目{projects_declared|exact}个"),
                _("推荐上报{projects_recommended|exact}个"),
                _("获奖{projects_awarded|exact}个"),
                lead=FLOW,
            ),
            _s(
                _("职工提出合理化建议{proposals}条"),
                _("采纳{proposals_adopted}条"),
                _("节约经济价值{value_saved}元"),
            ),
            _s(
                _("创建劳模（职工）创新工作室{studios|exact}个"),
                _("培育选树全员创新企业{innovative_enterprises|exact}家"),
            ),
            _s(Listing("honors_", _("推荐的先进个人和集体获评{items}"), unit=_("个"))),
            _s(
                _("劳动模范获得者中，一线职工占比达{model_worker_front_line_share|%}"),
                _("获奖个人中一线职工占{front_line_share|%}"),
            ),
        ),
    ),
    Section(
        "desk",
        _("劳模工匠助企行"),
        (
            _s(
                _("开展专项行动系列活动{service_events}场"),
                _("为{enterprises_helped|多}家企业解决了{needs_solved|多}个难题"),
                _("帮助{workers_trained|超}名职工提升技能水平"),
                _("预期产生经济效益{benefit|超}元"),
                lead=FLOW,
            ),
            _s(_("专家库现有劳模工匠和技术骨干{experts|exact}名，企业需求随提随派")),
        ),
    ),
    Section(
        "skills",
        _("技能提升"),
        (
            _s(
                _("开展劳动和技能竞赛{competitions_held}场次，参赛职工达{competitions_participations}人次"),
                _("{competitions_prizes}人次获奖"),
                lead=FLOW,
            ),
            _s(
                _("举办职工培训班{training_classes|exact}期，培训{training_attendances}人次"),
                _("{training_completions}人结业"),
            ),
            _s(
                _("在{certification_pilots|exact}家企业开展职业技能等级认定自主评价试点"),
                _("完成职业技能等级认定{certification_certified}人次"),
                _("{certification_promoted}人认定后晋升薪酬等级"),
            ),
            _s(
                _("实施“名师带徒”工程，师徒结对{mentoring_pairs|exact}对"),
                _("{mentoring_completed|exact}名徒弟出师"),
            ),
            _s(
                _("开展“求学圆梦”行动，资助{study_approved|exact}名一线职工提升学历"),
                _("发放助学补助{study_paid}元"),
            ),
        ),
    ),
    Section(
        "rights",
        _("维权服务"),
        (
            _s(
                _("受理职工法律咨询{legal_consultations}次"),
                _("办理法律援助案件{legal_cases|exact}件，为职工挽回经济损失{legal_recovered}元"),
                lead=FLOW,
            ),
            _s(_("开展普法宣讲{law_sessions}场，惠及职工{law_reached}人次")),
            _s(
                _("受理劳动争议{mediation_disputes|exact}件"),
                _("调解成功{mediation_agreed|exact}件，协议金额{mediation_amount}元"),
            ),
            _s(
                _("受理欠薪线索{arrears_reports|exact}件，涉及职工{arrears_workers|exact}人"),
                _("追回欠薪{arrears_recovered}元"),
            ),
            _s(
                _("开展企业“法治体检”{earlywarning_checkups|exact}次"),
                _("督促整改问题{earlywarning_rectified|exact}项"),
            ),
            _s(
                _("推动签订集体合同{contracts|exact}份"),
                Listing("contracts_kind_", _("其中{items}"), unit=_("份")),
                _("覆盖企业{contracts_enterprises|exact}家、职工{contracts_workers}人"),
            ),
            _s(
                _("{democracy_sessions|exact}家企业召开职工代表大会"),
                _("职工代表中产业工人占比达到{democracy_share_industrial|%}"),
                _("登记厂务公开事项{democracy_disclosures|exact}项"),
            ),
        ),
    ),
)


def section_keys() -> list[str]:
    return [section.key for section in SECTIONS]
