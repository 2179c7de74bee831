"""Roster columns and the header names unions really use for them."""

from __future__ import annotations

from gonghui.common.excel.reader import Column
from gonghui.members.choices import Education, EmploymentForm, Hukou, Political, Sex

COLUMNS = [
    Column("name", ("姓名", "职工姓名", "会员姓名", "名字"), required=True),
    Column("id_number", ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"), required=True),
    Column("mobile", ("手机号码", "手机号", "手机", "联系电话", "电话")),
    Column("sex", ("性别",)),
    Column("ethnicity", ("民族",)),
    Column("joined_on", ("入会时间", "入会日期")),
    Column("employer_name", ("工作单位", "单位", "单位名称", "工作单位/平台", "所在单位")),
    Column("occupation", ("工种", "岗位", "工种/岗位", "职业")),
    Column("employment_form", ("用工形式", "用工方式", "就业形态")),
    Column("platform", ("平台", "所属平台")),
    Column("village", ("村/社区", "所在村(社区)", "所在村（社区）", "村（社区）", "村社区", "社区")),
    Column("hukou", ("户籍类型", "户口类型", "户籍性质")),
    Column("is_migrant_worker", ("是否农民工", "农民工")),
    Column("education", ("学历", "文化程度")),
    Column("political", ("政治面貌",)),
    Column("address", ("现住址", "家庭住址", "住址")),
    Column("member_no", ("会员编号", "会员证号")),
    Column("card_no", ("会员卡号", "工会卡号")),
    Column("union_posts", ("工会职务", "工会任职")),
]

HEADER_LABEL = {c.key: c.labels[0] for c in COLUMNS}


def _labels(choices: type) -> dict[str, str]:
    return {str(label): value for value, label in choices.choices}  # type: ignore[attr-defined]


EMPLOYMENT_FORMS = _labels(EmploymentForm) | {
    "合同工": "contract",
    "派遣": "dispatch",
    "外卖员": "delivery",
    "骑手": "delivery",
}
SEXES = _labels(Sex) | {"男性": "M", "女性": "F"}
HUKOU = _labels(Hukou) | {"非农业": "urban", "农业": "rural", "城镇户口": "urban", "农村户口": "rural"}
EDUCATION = _labels(Education) | {
    "小学": "primary",
    "高中": "senior",
    "中专": "senior",
    "技校": "senior",
    "硕士": "postgraduate",
    "博士": "postgraduate",
}
POLITICAL = _labels(Political) | {"党员": "cpc", "团员": "league", "预备党员": "cpc_probation"}
YES = {"是", "Y", "y", "yes", "1", "√", "✓"}
