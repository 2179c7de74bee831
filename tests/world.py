"""The shared permission fixture: one tree, five personas.

盐城市总工会 (root)
├── 大丰区总工会 (county_a)      owner: 管理员 here
│   └── 大中街道总工会 (town_a)   same:  管理员 here (inside owner's subtree)
│       ├── 测试基层工会 (union_a)  ← every target object lives here
│       └── 大中联合基层工会 (joint_a)
└── 建湖县总工会 (county_b)      sibling: 管理员 here
        └── 建湖基层工会 (union_b)
outsider: a staff account with no role;  anonymous: not logged in;
member: a worker account bound to union_a's member 李在册 (signed in with a phone code).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from gonghui.accounts.models import UserKind
from gonghui.accounts.services import api_token_issue
from gonghui.assistance.models import HardshipFile, HomeVisit, SubsistenceStandard
from gonghui.campaigns.models import Campaign
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction, Job, JobStatus
from gonghui.ledger.models import Payout
from gonghui.members.choices import MembershipStatus
from gonghui.members.models import (
    ChangeRequest,
    JoinTarget,
    Membership,
    Notice,
    Person,
    Transfer,
    WorkerAccount,
)
from gonghui.members.services import person_keys
from gonghui.orgs.kinds import OrgKind
from gonghui.orgs.models import CommitteeBody, CommitteeTerm, Enterprise, OrgNode, StaffRole
from gonghui.orgs.roles import Role
from tests.factories import EnterpriseFactory, UserFactory, grant, image_bytes, make_org

PERSONAS = ("owner", "same", "sibling", "outsider", "anonymous", "member", "merchant", "provider")
ALLOWED = frozenset({"owner", "same"})
SECRET = "只有本辖区可见的审计标记"


@dataclass
class World:
    root: OrgNode
    county_a: OrgNode
    town_a: OrgNode
    union_a: OrgNode
    joint_a: OrgNode
    county_b: OrgNode
    union_b: OrgNode
    enterprise: Enterprise
    term: CommitteeTerm
    staff_role: StaffRole
    job: Job
    pending: Membership
    member: Membership
    transfer: Transfer
    join_target: JoinTarget
    import_job: Job
    users: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    aid_campaign: Any = None  # campaigns.Campaign on town_a
    aid_file: Any = None  # assistance.HardshipFile in union_a, applied for
    payout: Any = None  # assistance.Payout in union_a, entered by "helper", waiting for a checker
    aid_visit: Any = None  # assistance.HomeVisit of aid_file, with a photo
    # 建功立业 and the help desk (innovation, experts): a town call with a project from union_a, and so on.
    call: Any = None
    project: Any = None
    stage: Any = None
    attachment: Any = None
    objection: Any = None
    panel_seat: Any = None  # innovation.PanelSeat: the "worker" account on the call's panel at town_a
    proposal: Any = None
    studio: Any = None
    selection: Any = None
    nomination: Any = None
    expert: Any = None
    need: Any = None
    dispatch: Any = None
    invitation: Any = None  # experts.Invitation from town_a's pool, addressed to 李在册 (the member persona)
    change: Any = None  # members.ChangeRequest: a public form named 李在册's ID with another mobile
    notice: Any = None  # members.Notice from town_a: 李在册 (union_a, under it) reads it in 我的
    stations: Any = None  # a namespace built by tests/world_stations.py (服务阵地 objects in union_a / town_a)
    events: Any = None  # a namespace built by tests/world_events.py (活动 objects in union_a / town_a)
    benefits: Any = None  # a namespace built by tests/world_benefits.py (会员卡 of town_a, 李在册's card)
    wishes: Any = None  # a namespace built by tests/world_wishes.py (微心愿)
    appointments: Any = None  # a namespace built by tests/world_appointments.py (预约服务, the provider)
    certification: Any = None  # a namespace built by tests/world_certification.py
    competitions: Any = None  # a namespace built by tests/world_competitions.py
    training: Any = None  # a namespace built by tests/world_training.py
    study: Any = None  # a namespace built by tests/world_study.py
    mentoring: Any = None  # a namespace built by tests/world_mentoring.py
    democracy: Any = None  # a namespace built by tests/world_democracy.py
    contracts: Any = None  # a namespace built by tests/world_contracts.py
    legalaid: Any = None  # a namespace built by tests/world_legalaid.py
    mediation: Any = None  # a namespace built by tests/world_mediation.py
    arrears: Any = None  # a namespace built by tests/world_arrears.py
    earlywarning: Any = None  # a namespace built by tests/world_earlywarning.py
    reports: Any = None  # a namespace built by tests/world_reports.py (figures)
    dashboard: Any = None  # a namespace built by tests/world_reports_dashboard.py (dashboard, 大屏)
    returns: Any = None  # a namespace built by tests/world_returns.py (统计报表)
    workreport: Any = None  # a namespace built by tests/world_workreport.py (工作报告)

    def refresh(self) -> None:
        for name in ("root", "county_a", "town_a", "union_a", "joint_a", "county_b", "union_b"):
            getattr(self, name).refresh_from_db()


def build_world() -> World:
    root = make_org("盐城市总工会", code="w-root", region="320900")
    county_a = make_org("大丰区总工会", parent=root, kind=OrgKind.FED_COUNTY, code="w-county-a")
    town_a = make_org("大中街道总工会", parent=county_a, kind=OrgKind.TOWN, code="w-town-a")
    union_a = make_org("测试基层工会", parent=town_a, code="w-union-a")
    joint_a = make_org("大中联合基层工会", parent=town_a, kind=OrgKind.JOINT, code="w-joint-a")
    county_b = make_org("建湖县总工会", parent=root, kind=OrgKind.FED_COUNTY, code="w-county-b", region="320925")
    union_b = make_org("建湖基层工会", parent=county_b, code="w-union-b", region="320925")
    users = {
        "owner": UserFactory(username="owner"),
        "same": UserFactory(username="same"),
        "sibling": UserFactory(username="sibling"),
        "outsider": UserFactory(username="outsider"),
        "worker": UserFactory(username="worker"),
        "helper": UserFactory(username="helper"),
    }
    grant(users["owner"], county_a)
    grant(users["helper"], union_a, Role.ASSISTANCE)
    grant(users["same"], town_a)
    grant(users["sibling"], county_b)
    staff_role = grant(users["worker"], union_a, Role.READONLY)
    grant(users["worker"], joint_a, Role.READONLY)  # a second role, so the first can be revoked
    enterprise = EnterpriseFactory(name="大丰测试机械有限公司", union=union_a)
    term = CommitteeTerm.objects.create(
        org=union_a,
        body=CommitteeBody.UNION_COMMITTEE,
        number=1,
        elected_on=dt.date(2024, 1, 1),
        starts_on=dt.date(2024, 1, 1),
        ends_on=dt.date(2029, 1, 1),
    )
    job = Job.objects.create(
        kind="orgs.export_tree", org=union_a, created_by=users["owner"], status=JobStatus.SUCCEEDED
    )
    job.result_file.save("w.xlsx", ContentFile(b"PK"), save=True)
    audit_record(actor=users["owner"], action=AuditAction.UPDATE, target=enterprise, org=union_a, detail={"x": SECRET})
    pending, member, transfer = _members(union_a, joint_a)
    users["member"] = UserFactory(username="member-worker", kind=UserKind.WORKER)
    # Partners: a 特惠商户's cashier and a counsellor, each linked to its row by the domain's World part.
    users["merchant"] = UserFactory(username="merchant-cashier", kind=UserKind.MERCHANT)
    users["provider"] = UserFactory(username="provider-counsellor", kind=UserKind.PROVIDER)
    WorkerAccount.objects.create(user=users["member"], person=member.person)
    change = ChangeRequest.objects.create(
        person=member.person, org=union_a, kind="mobile", source="public_form", new_mobile="13700000000"
    )
    notice = Notice.objects.create(org=town_a, title="测试工会通知：夏送清凉", body="七月起各基层工会发放防暑用品。")
    import_job = Job.objects.create(
        kind="members.import",
        org=union_a,
        created_by=users["owner"],
        status=JobStatus.SUCCEEDED,
        params={"path": "imports/w.csv", "filename": "w.csv", "mode": "all", "dry_run": True},
        result={"rows": 1, "importable": 1, "preview": [{"row": "2", "name": "周预检"}], "errors": []},
    )
    join_target = JoinTarget.objects.create(
        org=town_a, name="大中货车司机入会行动", code="w-huoche", year=timezone.localdate().year, target=10
    )
    tokens = {
        name: api_token_issue(user=users[name], name="t").secret
        for name in ("owner", "same", "sibling", "outsider", "helper")
    }
    world = World(
        root=root,
        county_a=county_a,
        town_a=town_a,
        union_a=union_a,
        joint_a=joint_a,
        county_b=county_b,
        union_b=union_b,
        enterprise=enterprise,
        term=term,
        staff_role=staff_role,
        job=job,
        pending=pending,
        member=member,
        transfer=transfer,
        join_target=join_target,
        import_job=import_job,
        users=users,
        tokens=tokens,
        change=change,
        notice=notice,
        **_assistance(union_a, town_a, users["helper"]),
        **_innovation(union_a, town_a, enterprise, member),
    )
    from tests.world_events import build_events
    from tests.world_stations import build_stations

    world.stations = build_stations(world)
    world.events = build_events(world)
    from tests.world_benefits import build_benefits

    world.benefits = build_benefits(world)
    from tests.world_appointments import build_appointments
    from tests.world_wishes import build_wishes

    world.wishes = build_wishes(world)
    world.appointments = build_appointments(world)
    _skills(world)
    _rights(world)
    _reports(world)
    return world


def _reports(world: World) -> None:
    from tests.world_reports import build_reports
    from tests.world_reports_dashboard import build_reports_dashboard
    from tests.world_returns import build_returns
    from tests.world_workreport import build_workreport

    world.reports = build_reports(world)
    world.dashboard = build_reports_dashboard(world)
    world.returns = build_returns(world)
    world.workreport = build_workreport(world)


def _skills(world: World) -> None:
    from tests.world_certification import build_certification
    from tests.world_competitions import build_competitions
    from tests.world_mentoring import build_mentoring
    from tests.world_study import build_study
    from tests.world_training import build_training

    world.certification = build_certification(world)
    world.competitions = build_competitions(world)
    world.training = build_training(world)
    world.study = build_study(world)
    world.mentoring = build_mentoring(world)


def _assistance(union_a: OrgNode, town_a: OrgNode, helper: Any) -> dict[str, Any]:
    """A 冬送温暖 campaign, a household's hardship application, and a payout waiting for its checker.

    The household head (a migrant worker) is deliberately not on union_a's roster: rosters stay as above.
    """
    today = timezone.localdate()
    SubsistenceStandard.objects.create(region_id="320904", year=today.year, monthly=800)
    campaign = Campaign.objects.create(
        org=town_a,
        name="冬送温暖测试活动",
        kind="winter_warmth",
        year=today.year,
        starts_on=today,
        ends_on=today,
        budget=10000,
    )
    head = Person.objects.create(
        name="孙困难", id_number="320904197801010035", is_migrant_worker=True, **person_keys("孙困难")
    )
    aid_file = HardshipFile.objects.create(
        org=union_a,
        person=head,
        category="deep",
        computed_category="deep",
        own_income=1500,
        family_size=3,
        per_capita_income=500,
        main_cause="illness",
    )
    payout = Payout.objects.create(
        org=union_a,
        person=head,
        campaign=campaign,
        kind="condolence",
        amount=3000,
        fund="union_funds",
        paid_on=today,
        maker=helper,
    )
    visit = HomeVisit(file=aid_file, visited_on=today, visitors="王主席", findings="情况属实")
    visit.photo.save("visit.jpg", ContentFile(image_bytes()), save=True)
    return {"aid_campaign": campaign, "aid_file": aid_file, "payout": payout, "aid_visit": visit}


def _members(union_a: OrgNode, joint_a: OrgNode) -> tuple[Membership, Membership, Transfer]:
    """A pending applicant and an active member of union_a, who asked to transfer to joint_a."""
    now = timezone.now()
    waiting = Person.objects.create(
        name="王待审", id_number="11010519491231002X", mobile="13900000001", **person_keys("王待审")
    )
    pending = Membership.objects.create(
        person=waiting, org=union_a, status=MembershipStatus.PENDING, source="qr", applied_at=now
    )
    active = Person.objects.create(
        name="李在册", id_number="320904198506120014", mobile="13900000002", **person_keys("李在册")
    )
    member = Membership.objects.create(
        person=active,
        org=union_a,
        status=MembershipStatus.ACTIVE,
        source="cadre",
        applied_at=now,
        member_no="DF-0001",  # a number brought in from an older roster
    )
    OrgNode.objects.filter(pk=union_a.pk).update(member_count=1)
    transfer = Transfer.objects.create(person=active, from_membership=member, to_org=joint_a)
    return pending, member, transfer


def _innovation(union_a: OrgNode, town_a: OrgNode, enterprise: Enterprise, member: Membership) -> dict[str, Any]:
    """A town's 五小 call with one project from union_a (at its first stage, with a file and an objection),
    a proposal, a studio, an honor round with one nominee, and a desk need dispatched to a town expert."""
    from gonghui.experts.models import Dispatch, Expert, Invitation, Need
    from gonghui.innovation.models import (
        HonorTitle,
        InnovationCall,
        Nomination,
        Objection,
        Panel,
        PanelSeat,
        Project,
        ProjectAttachment,
        ProjectMember,
        Proposal,
        ReviewStage,
        Rubric,
        RubricCriterion,
        SelectionRound,
        StarRule,
        Studio,
    )

    today = timezone.localdate()
    rubric = Rubric.objects.create(org=town_a, name="测试细则")
    RubricCriterion.objects.create(rubric=rubric, name="创新性", max_points=100)
    call = InnovationCall.objects.create(
        org=town_a, year=today.year, title="大中街道五小测试批次", opens_on=today, closes_on=today, rubric=rubric
    )
    project = Project.objects.create(
        call=call,
        org=union_a,
        enterprise=enterprise,
        category="innovation",
        title="测试五小换刀装置",
        problem="换刀慢影响产量的问题",
        solution="改进定位销和夹紧回路",
        pledge=True,
    )
    ProjectMember.objects.create(project=project, name="张建国", is_leader=True)
    stage = ReviewStage.objects.create(project=project, order=0, org=union_a, scored=False)
    attachment = ProjectAttachment(project=project, original_name="现场.png", content_type="image/png", size=10)
    attachment.file.save("w.png", ContentFile(image_bytes("PNG")), save=True)
    objection = Objection.objects.create(project=project, text="测试异议内容")
    panel = Panel.objects.create(call=call, org=town_a)
    panel_seat = PanelSeat.objects.create(panel=panel, user=get_user_model().objects.get(username="worker"))
    proposal = Proposal.objects.create(
        org=union_a, enterprise=enterprise, proposer_name="王建议", title="测试合理化建议", content="把空压机余热用起来"
    )
    studio = Studio.objects.create(
        org=union_a, name="测试劳模创新工作室", level="county", leader=member.person, field="数控"
    )
    selection = SelectionRound.objects.create(
        kind="honor",
        org=town_a,
        year=today.year,
        name="测试金牌员工评选",
        quota=3,
        title=HonorTitle.objects.get(code="gold-medal-employee"),
    )
    nomination = Nomination.objects.create(
        round=selection, nominated_by=union_a, nominee_kind="person", person=member.person, status="selected"
    )
    StarRule.objects.create(org=town_a, year=today.year, points={"patent": 10}, thresholds=[50, 60, 70, 80, 90])
    expert = Expert.objects.create(
        org=town_a, person=member.person, kind="craftsman", specialties=["数控"], tag_text="数控", region_id="320904"
    )
    need = Need.objects.create(
        org=union_a,
        enterprise=enterprise,
        category="technical",
        title="测试企业需求流量计",
        problem="流量计读数跳变",
        channel="cadre",
        contact_name="王经理",
        contact_phone="13912345678",
        due_on=today,
        status="dispatched",
    )
    dispatch = Dispatch.objects.create(need=need, expert=expert)
    invitation = Invitation.objects.create(
        org=town_a,
        id_hmac=member.person.id_hmac,
        name=member.person.name,
        profile={"kind": "craftsman", "specialties": ["邀请专长焊接"], "region": "320904", "max_load": 3},
    )
    return {
        "invitation": invitation,
        "call": call,
        "project": project,
        "stage": stage,
        "attachment": attachment,
        "objection": objection,
        "panel_seat": panel_seat,
        "proposal": proposal,
        "studio": studio,
        "selection": selection,
        "nomination": nomination,
        "expert": expert,
        "need": need,
        "dispatch": dispatch,
    }


def _rights(world: World) -> None:
    from tests.world_arrears import build_arrears
    from tests.world_contracts import build_contracts
    from tests.world_democracy import build_democracy
    from tests.world_earlywarning import build_earlywarning
    from tests.world_legalaid import build_legalaid
    from tests.world_mediation import build_mediation

    world.democracy = build_democracy(world)
    world.contracts = build_contracts(world)
    world.legalaid = build_legalaid(world)
    world.mediation = build_mediation(world)
    world.arrears = build_arrears(world)
    world.earlywarning = build_earlywarning(world)
