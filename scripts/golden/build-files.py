#!/usr/bin/python3
"""Builds the golden workbooks of test/golden/files/ with two writers that are not ours: LibreOffice (flat ODF sources
kept in test/golden/files/sources/, converted by `soffice --headless --convert-to xlsx`) and python3-openpyxl.

Each workbook is laid out the way department staff make them (header bands over two or three rows, parents merged or
written once, group cells merged down or written once, start/end date columns, formulas, answers in words, shares in
count columns, tables not at A1, hidden rows and columns, several sheets). What the engine must find in each is
written by hand, from the notices, in test/golden/expected/<id>.json; test/golden/files.test.ts checks both.

Run through scripts/golden/build.sh (which first dumps the notices' form layouts to sources/bases.json).
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from writers import D, F, P, write_fods, write_openpyxl  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FILES = os.path.join(ROOT, "test", "golden", "files")
SOURCES = os.path.join(FILES, "sources")

with open(os.path.join(SOURCES, "bases.json"), encoding="utf-8") as f:
    BASES = json.load(f)

NOTE_SHEET = {
    "name": "说明",
    "rows": [["填报说明"], ["1. 请按推荐顺序填写，重点推荐项目在备注栏注明。"], ["2. 日期请填写到日。"]],
}


def form(base_id, name, answers):
    """A form of the notices with some answers changed: answers maps a label (as printed) to the new answer."""
    base = copy.deepcopy(BASES[base_id])
    rows = [list(r) for r in base["rows"]]
    for label, value in answers.items():
        hit = None
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if isinstance(text, str) and text.replace(" ", "").replace("\n", "") == label:
                    hit = (r, c)
                    break
            if hit:
                break
        if not hit:
            raise KeyError(label)
        r, c = hit
        row = rows[r]
        while len(row) <= c + 1:
            row.append(None)
        row[c + 1] = value
    return {"name": name, "rows": rows, "merges": list(base["merges"])}


# ------------------------------------------------------------------------------------------------ LibreOffice cases


def lo_sh_summary_merged():
    """Two header rows with merged parents (学员人数 › 总数 | 其中基层, 办班时间 › 开始日期 | 结束日期), 推荐单位 merged
    down over its projects, the table at B3, date cells, a hidden project row, a 合计 row of formulas, a 说明 sheet."""
    t = "市经济信息化委"
    rows = [
        [None, "上海市2026年度高级研修项目推荐汇总表"],
        [],
        [None, "序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "领域", "学员人数", None, "办班时间", None,
         "资助经费（万元）", "是否住宿", "备注"],
        [None, None, None, None, None, None, None, "总数", "其中基层", "开始日期", "结束日期"],
        [None, 1, t, 1, "人工智能大模型应用高级研修班", "上海示范大学", "数字技术", 60, 20,
         D("2026-09-14"), D("2026-09-18"), 12, "是", "重点推荐"],
        [None, 2, None, 2, "集成电路先进封装技术研修班", "上海微电子研究院", "数字技术", 45, 15,
         D("2026-10-12"), D("2026-10-18"), 12, "是", "重点推荐"],
        [None, 3, None, 3, "工业互联网平台建设研修班", "上海工业技术学院", "装备制造", 50, 10,
         D("2026-11-28"), D("2026-12-02"), 6.5, "否", None],
        [None, 4, None, 4, "数据安全与密码工程研修班", "上海信息安全中心", "数字技术", 55, 20,
         D("2026-06-01"), D("2026-06-03"), 6, "否", "重点推荐"],
        [None, 5, "浦东新区人社局", 1, "生物医药创新研修班", "上海生物医药促进中心", "生物医药", 50, 15,
         D("2026-07-06"), D("2026-07-10"), 12.7, "是", "重点推荐"],
        [None, 6, None, 1, "城市更新与韧性安全研修班", "上海建筑科学研究院", "建筑", 60, 30,
         D("2026-08-03"), D("2026-08-07"), 7.5, "否", None],
        [None, "合计", None, None, None, None, None, F("of:=SUM([.H5:.H10])", "=SUM(H5:H10)"),
         F("of:=SUM([.I5:.I10])", "=SUM(I5:I10)"), None, None, F("of:=SUM([.L5:.L10])", "=SUM(L5:L10)")],
    ]
    merges = ["B1:N1", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:I3", "J3:K3", "L3:L4", "M3:M4",
              "N3:N4", "C5:C8", "C9:C10"]
    return [NOTE_SHEET, {"name": "汇总", "rows": rows, "merges": merges, "hidden_rows": [9]}]


def lo_sh_summary_written_once():
    """Three header rows with parents written once (no merges), 推荐单位 written once over blank cells, start/end as
    text (one end without its year), a hidden spacer column, a full-width count, a reference sheet after the list."""
    rows = [
        ["2026年上海市高级研修项目汇总表（行业主管部门）"],
        [],
        ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", None, "项目基本情况", None, None, None, None, None,
         "备注"],
        [None, None, None, None, None, None, "领域", "学员情况", None, "办班时间", None, "资助经费（万元）"],
        [None, None, None, None, None, None, None, "学员人数", "基层人数", "开始", "结束"],
        [1, "市卫生健康委", 1, "医疗器械注册与质量管理研修班", "上海医疗器械检测所", None, "生物医药", "６０", 20,
         "2026年6月8日", "2026年6月12日", 10, "重点推荐"],
        [2, None, 2, "药品研发创新研修班", "上海药物研究中心", None, "生物医药", 50, 18,
         "2026年9月21日", "9月22日", 8, "重点推荐"],
        [3, None, 3, "生物制造关键技术研修班", "上海生物制造研究院", None, "生物医药", 40, 15,
         "2026-10-12", "2026-10-16", 9, None],
        [4, "徐汇区人社局", 1, "城市更新与韧性安全研修班", "上海建筑科学研究院", None, "建筑", 55, 15,
         "2026年11月25日", "2026年11月29日", 11, "重点推荐"],
        [5, None, 2, "海洋工程装备研修班", "上海建筑科学研究院", None, "海洋", 50, 20,
         "2026年12月1日", "2026年12月4日", 8.5, None],
    ]
    reference = {
        "name": "领域参考",
        "rows": [["领域", "专业范围"], ["数字技术", "人工智能"], ["生物医药", "医疗器械"], ["建筑", "城市更新"]],
    }
    return [{"name": "推荐汇总", "rows": rows, "hidden_cols": ["F"]}, reference]


def lo_sh_summary_clean():
    """A clean city list: two header rows merged, three recommenders merged down, date cells, a 合计 row."""
    rows = [
        ["上海市专业技术人才知识更新工程2026年度高级研修项目汇总表"],
        ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "领域", "专业范围", "学员人数", None, "办班时间",
         None, "是否住宿", "资助经费（万元）", "备注"],
        [None, None, None, None, None, None, None, "总数", "其中基层", "开始", "结束"],
        [1, "市经济信息化委", 1, "人工智能大模型应用与治理高级研修班", "上海示范大学", "数字技术", "人工智能", 60, 20,
         D("2026-09-14"), D("2026-09-18"), "是", 12.5, "重点推荐"],
        [2, None, 2, "集成电路先进封装技术高级研修班", "上海微电子研究院", "数字技术", "集成电路", 55, 18,
         D("2026-10-12"), D("2026-10-16"), "否", 6.8, None],
        [3, "市卫生健康委", 1, "医疗器械注册与质量管理研修班", "上海医疗器械检测所", "生物医药", "医疗器械", 50, 15,
         D("2026-06-08"), D("2026-06-11"), "是", 12, "重点推荐"],
        [4, "闵行区人社局", 1, "智慧农业技术推广研修班", "上海农业技术推广中心", "农业", "智慧农业", 52, 30,
         D("2026-05-18"), D("2026-05-20"), "是", 12.7, None],
        [5, None, 2, "养老服务与社会保障研修班", "上海社会工作学院", "社会工作", "社会保障", 80, 40,
         D("2026-07-06"), D("2026-07-10"), "否", 6.5, None],
        ["合计", None, None, None, None, None, None, F("of:=SUM([.H4:.H8])", "=SUM(H4:H8)"),
         F("of:=SUM([.I4:.I8])", "=SUM(I4:I8)")],
    ]
    merges = ["A1:N1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:I2", "J2:K2", "L2:L3",
              "M2:M3", "N2:N3", "B4:B5", "B7:B8", "A9:G9"]
    return [{"name": "汇总表", "rows": rows, "merges": merges}]


def lo_sh_recommendation_spaced():
    """附件3 推荐表 at B2 with labels spaced for alignment, full-width digits, too many 重点推荐 (the warning goes on the
    first 重点推荐 cell, not on the header) and a 重点推荐 ranked below a project that is not one."""
    rows = [
        [],
        [None, "专业技术人员知识更新工程高级研修项目推荐表"],
        [None, "推荐单位：上海市科学技术委员会（盖章）", None, "填写时间：２０２６年４月２０日"],
        [None, "推 荐 排 序", "项  目  名  称", "承 办 单 位", "备  注"],
        [None, "１", "量子科技前沿应用研修班", "上海量子科学研究中心", "重点推荐"],
        [None, "２", "具身智能与机器人研修班", "上海人工智能实验室", "重点推荐"],
        [None, 3, "低空经济产业发展研修班", "上海航空航天研究院", None],
        [None, 4, "新材料研发与应用研修班", "上海新材料研究院", None],
        [None, 5, "海洋工程装备关键技术研修班", "上海船舶研究设计院", "重点推荐"],
        [None, 6, "碳中和与绿色制造研修班", "上海节能环保研究院", None],
        [None, "推荐单位联系人：赵老师", None, "联系方式：021－63816858"],
        [None, "注：请各推荐单位将推荐项目按推荐程度排序，标注重点推荐项目（原则上不超过推荐项目总数的15%），并加盖单位公章。"],
    ]
    merges = ["B2:E2", "B3:C3", "D3:E3", "B11:C11", "D11:E11", "B12:E12"]
    return [{"name": "推荐表", "rows": rows, "merges": merges}, NOTE_SHEET]


def lo_sh_application_words():
    """附件2 申报表 with every □ group answered in words (是, 高级研修项目, 提供, 本市基地, 未承办): the dependent rules
    then apply (特色班拟办年限 3 年; lodging in a central district without a 长三角 intake)."""
    return [
        form(
            "sh-application-clean",
            "申报表",
            {
                "办班地点": "上海市静安区",
                "申报特色班": "是",
                "特色班拟办年限": "3年",
                "申报项目类别": "高级研修项目",
                "是否提供学员住宿（单选）": "提供",
                "是否继续教育基地": "本市基地",
                "上一年度项目情况": "未承办",
            },
        )
    ]


def lo_fj_national_words():
    """Fujian 附件1 国家级申报表 answered in words (财政资助项目, 否): nothing to say."""
    base = BASES["fj-national-clean"]
    labels = [t for row in base["rows"] for t in row if isinstance(t, str)]
    category = next(t for t in labels if t.replace(" ", "").replace("\n", "").startswith("申报项目类别"))
    base_label = next(t for t in labels if t.replace(" ", "").replace("\n", "").startswith("是否继续"))
    return [
        form(
            "fj-national-clean",
            "国家级申报表",
            {
                category.replace(" ", "").replace("\n", ""): "财政资助项目",
                base_label.replace(" ", "").replace("\n", ""): "否",
            },
        )
    ]


def lo_sh_summary_share():
    """A one-row header whose 基层人数 column holds shares (30% as text, 25% as a percentage cell) and one count."""
    rows = [
        ["上海市2026年高级研修项目汇总表"],
        ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "学员人数", "基层人数", "办班时间", "备注"],
        [1, "长宁区人社局", 1, "航运数字化转型研修班", "上海海事研究院", 60, "30%", "2026年9月7日-11日", "重点推荐"],
        [2, "长宁区人社局", 2, "现代服务业创新研修班", "上海现代服务业联合会", 50, P(0.25), "2026年9月14日-16日", None],
        [3, "长宁区人社局", 3, "文化创意产业研修班", "上海文化创意研究院", 60, 12, "2026年10月12日-16日", None],
    ]
    return [{"name": "汇总", "rows": rows, "merges": ["A1:I1"]}]


def lo_sh_summary_sections():
    """No 推荐单位 column: section rows ("一、市经济信息化委") merged across the table head each recommender's projects,
    whose 推荐排序 starts again at 1; 办班起止时间 merged over a start and an end column with no sub-headers; a 领域
    written with the word 领域; a 合计 row of formulas."""
    rows = [
        ["上海市2026年高级研修项目推荐汇总表"],
        ["序号", "推荐排序", "项目名称", "承办单位", "领域", "学员人数", "基层人数", "办班起止时间", None, "备注"],
        ["一、市经济信息化委"],
        [1, 1, "大模型应用研修班", "上海示范大学", "数字技术领域", 60, 20, D("2026-09-14"), D("2026-09-18"), "重点推荐"],
        [2, 2, "智能制造研修班", "上海智能制造研究院", "装备制造", 50, 15, D("2026-10-12"), D("2026-10-13"), "重点推荐"],
        [3, 3, "工业软件研修班", "上海工业软件中心", "数字技术", 50, 15, D("2026-06-01"), D("2026-06-05"), None],
        ["二、浦东新区人社局"],
        [4, 1, "生物医药产业研修班", "上海张江生物医药基地", "生物医药", 45, 15, D("2026-11-23"), D("2026-11-27"),
         "重点推荐"],
        [5, 2, "集成电路设计研修班", "上海示范大学", "数字技术", 55, 20, D("2026-12-07"), D("2026-12-11"), None],
        ["合计", None, None, None, None, F("of:=SUM([.F4:.F9])", "=SUM(F4:F9)"), F("of:=SUM([.G4:.G9])", "=SUM(G4:G9)")],
    ]
    merges = ["A1:J1", "H2:I2", "A3:J3", "A7:J7", "A10:E10"]
    return [{"name": "汇总", "rows": rows, "merges": merges}]


# --------------------------------------------------------------------------------------------------- openpyxl cases


def py_sh_summary_formulas():
    """A list written by a script: 序号, 基层比例, 天数 and 合计 are formulas with no cached value (unknown, never read
    from a neighbour); one real violation (40 trainees) must still be found."""
    rows = [["上海市2026年高级研修项目汇总表"],
            ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "学员人数", "基层人数", "基层比例", "办班时间",
             "天数", "备注"]]
    data = [
        ("市经济信息化委", 1, "人工智能通识高级研修班", "上海示范大学", 60, 20, "2026年9月14日-18日", "重点推荐"),
        ("市经济信息化委", 2, "工业软件研发研修班", "上海工业软件中心", 40, 15, "2026年10月12日-14日", None),
        ("市经济信息化委", 3, "数字孪生城市研修班", "上海城市数字化研究院", 55, 20, "2026年6月1日-5日", None),
    ]
    for i, (rec, rank, title, host, n, g, when, remark) in enumerate(data):
        r = i + 3
        rows.append([F("", "=ROW()-2"), rec, rank, title, host, n, g, F("", "=G%d/F%d" % (r, r)), when,
                     F("", "=5"), remark])
    rows.append(["合计", None, None, None, None, F("", "=SUM(F3:F5)"), F("", "=SUM(G3:G5)")])
    return [{"name": "汇总", "rows": rows, "merges": ["A1:K1"]}]


def py_sh_recommendation_formula_footer():
    """附件3 推荐表 from a script: 推荐排序 as formulas without values, the 联系方式 a formula too, with a 填表人 label
    right of it (which must never be read as the phone)."""
    rows = [
        ["专业技术人员知识更新工程高级研修项目推荐表"],
        ["推荐单位：上海市交通委员会（盖章）"],
        ["填写时间：2026年4月18日"],
        ["推荐排序", "项目名称", "承办单位", "备注"],
    ]
    for i, (title, host, remark) in enumerate([
        ("智慧交通与车路协同研修班", "上海交通科学研究院", "重点推荐"),
        ("轨道交通运维技术研修班", "上海轨道交通培训中心", None),
        ("综合交通枢纽规划研修班", "上海综合交通研究所", None),
    ]):
        rows.append([F("", "=ROW()-4"), title, host, remark])
    rows.append(["推荐单位联系人：", "钱老师"])
    rows.append(["联系方式：", F("", "=联系人!B2"), "填表人：孙某"])
    rows.append(["注：原则上不超过推荐项目总数的15%。"])
    contacts = {"name": "联系人", "rows": [["姓名", "电话"], ["钱老师", "021-23456789"]]}
    return [{"name": "推荐表", "rows": rows, "merges": ["A1:D1", "A10:D10"]}, contacts]


def py_hb_application_words():
    """Hubei 申报表 with 申报项目类别 answered in words as 自筹经费项目 without the source (the dependent rule applies)
    and 是否继续教育基地 answered 否."""
    return [
        form(
            "hb-clean",
            "申报表",
            {"申报项目类别(可多选)": "自筹经费项目", "是否继续教育基地": "否"},
        )
    ]


def py_sh_summary_clean():
    """A clean list with three header rows merged (项目安排 › 学员人数 › 总数 | 基层人数, 项目安排 › 办班时间 › 开始日期 |
    结束日期), 推荐单位 merged down, dates as date cells."""
    rows = [
        ["上海市2026年度高级研修项目汇总表"],
        [],
        ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "项目安排", None, None, None, "备注"],
        [None, None, None, None, None, "学员人数", None, "办班时间", None],
        [None, None, None, None, None, "总数", "基层人数", "开始日期", "结束日期"],
        [1, "市住房城乡建设管理委", 1, "城市更新与既有建筑改造研修班", "上海建筑科学研究院", 60, 25,
         D("2026-09-07"), D("2026-09-11"), "重点推荐"],
        [2, None, 2, "绿色建筑与低碳技术研修班", "上海绿色建筑协会", 50, 20, D("2026-10-19"), D("2026-10-21"), None],
        [3, "市农业农村委", 1, "智慧农业与数字乡村研修班", "上海农业科学院", 55, 30, D("2026-06-15"), D("2026-06-18"),
         "重点推荐"],
    ]
    merges = ["A1:J1", "A3:A5", "B3:B5", "C3:C5", "D3:D5", "E3:E5", "F3:I3", "F4:G4", "H4:I4", "J3:J5", "B6:B7"]
    return [{"name": "汇总", "rows": rows, "merges": merges}]


def py_fj_summary_merged():
    """Fujian 附件3 汇总表 with two header rows (联系人 › 姓名 | 联系电话) and a 承办单位 with two topics whose unit,
    contact and phone are merged down over both rows: no `required` on the second row; one malformed phone."""
    rows = [
        ["福建省2026年专业技术人才知识更新工程高级研修项目汇总表"],
        ["序号", "研修选题", "承办单位", "联系人", None, "所属专业技术领域"],
        [None, None, None, "姓名", "联系电话"],
        [1, "海洋经济与蓝色产业发展研修班", "福建海洋研究所", "陈老师", "0591-87612629", "海洋"],
        [2, "茶产业数字化升级研修班", "福建农林技术学院", "林老师", "13905912345", "农业"],
        [3, "数字乡村建设研修班", None, None, None, "农业"],
        [4, "新能源汽车动力电池研修班", "福建新能源研究院", "黄老师", "0591-876", "新能源"],
        [],
        ["主管部门或申报单位（盖章）", None, None, "填表日期：2026年1月10日"],
    ]
    merges = ["A1:F1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "C5:C6", "D5:D6", "E5:E6", "A9:C9", "D9:F9"]
    return [{"name": "汇总表", "rows": rows, "merges": merges}]


def py_sh_summary_share_written_once():
    """Two header rows with the parent written once (学员人数 over 总数 | 基层比例, no merge), 推荐单位 repeated on every
    row, a share as a %-formatted number and as text, a hidden row."""
    rows = [
        ["上海市2026年高级研修项目汇总表"],
        ["序号", "推荐单位", "推荐排序", "项目名称", "承办单位", "学员人数", None, "办班时间", "备注"],
        [None, None, None, None, None, "总数", "基层比例"],
        [1, "杨浦区人社局", 1, "创新创业孵化服务研修班", "上海创业服务中心", 60, P(0.3), "2026年9月7日-9日", "重点推荐"],
        [2, "杨浦区人社局", 2, "技术转移与成果转化研修班", "上海技术交易所", 50, "25%", "2026年9月14日-18日", None],
        [3, "杨浦区人社局", 3, "集成电路设计研修班", "上海集成电路设计院", 52, P(0.35), "2026年10月12日-16日", None],
    ]
    return [{"name": "汇总", "rows": rows, "hidden_rows": [5]}]


def py_sh_recommendation_clean():
    """A clean 附件3 推荐表 from a script: ranks written 第1名, 是/否 under 是否重点推荐, a hidden note column."""
    rows = [
        ["专业技术人员知识更新工程高级研修项目推荐表"],
        ["推荐单位：上海市文化和旅游局（盖章）"],
        ["填写时间：2026年4月21日"],
        ["推荐排序", "项目名称", "承办单位", "是否重点推荐", "内部备注"],
    ]
    projects = [
        ("文旅融合数字化研修班", "上海文化创意研究院", "是"),
        ("非遗保护与传承研修班", "上海非遗保护中心", "否"),
        ("演艺科技应用研修班", "上海演艺科技中心", "否"),
        ("博物馆数字化研修班", "上海博物馆研究所", "否"),
        ("旅游规划与管理研修班", "上海旅游高等专科学校", "否"),
        ("文化遗产监测研修班", "上海文物保护研究中心", "否"),
    ]
    numerals = "一二三四五六"
    for i, (title, host, key) in enumerate(projects):
        rank = "第%d名" % (i + 1) if i % 2 == 0 else "第%s名" % numerals[i]
        rows.append([rank, title, host, key, "内部"])
    rows.append(["推荐单位联系人：周老师"])
    rows.append(["联系方式：13812345678"])
    rows.append(["注：原则上不超过推荐项目总数的15%。"])
    return [{"name": "推荐表", "rows": rows, "merges": ["A1:D1", "A13:D13"], "hidden_cols": ["E"]}]


LIBREOFFICE = {
    "lo-sh-summary-merged": lo_sh_summary_merged,
    "lo-sh-summary-written-once": lo_sh_summary_written_once,
    "lo-sh-summary-clean": lo_sh_summary_clean,
    "lo-sh-recommendation-spaced": lo_sh_recommendation_spaced,
    "lo-sh-application-words": lo_sh_application_words,
    "lo-fj-national-clean": lo_fj_national_words,
    "lo-sh-summary-share": lo_sh_summary_share,
    "lo-sh-summary-sections": lo_sh_summary_sections,
}
OPENPYXL = {
    "py-sh-summary-formulas": py_sh_summary_formulas,
    "py-sh-recommendation-formula-footer": py_sh_recommendation_formula_footer,
    "py-hb-application-words": py_hb_application_words,
    "py-sh-summary-clean": py_sh_summary_clean,
    "py-fj-summary-merged": py_fj_summary_merged,
    "py-sh-summary-share": py_sh_summary_share_written_once,
    "py-sh-recommendation-clean": py_sh_recommendation_clean,
}


def main():
    os.makedirs(SOURCES, exist_ok=True)
    sources = []
    for name, build in LIBREOFFICE.items():
        path = os.path.join(SOURCES, name + ".fods")
        write_fods(path, build())
        sources.append(path)
    # A private profile: a user's LibreOffice settings must not change what the files hold.
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "xlsx",
             "--outdir", FILES] + sources,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    for name, build in OPENPYXL.items():
        write_openpyxl(os.path.join(FILES, name + ".xlsx"), build())
    print("built %d LibreOffice and %d openpyxl workbooks in %s" % (len(LIBREOFFICE), len(OPENPYXL), FILES))


if __name__ == "__main__":
    main()
