/**
 * The error-level findings of the audit over the five seeds, pinned as `line rule figure` (line in the `.budget` file).
 * Each entry was checked by hand against the extracted text in ../shared/seeds; the comment quotes those lines.
 * The seeds carry no cross-table rule of their transcribers': every cross-table finding below comes from the standard
 * table sets (data/standard).
 */
export const PINNED: Record<string, string[]> = {
  'xinzhou-2023-budget': [
    // 000_c11ced0713adf71c.txt L80: "(三)其他运转类项目和特定目标类项目支出 109.99 万元，比 2022 年预算减少 59.82 万元，下降 95.22%"
    // 59.82 ÷ (109.99 + 59.82) = 35.23%, not 95.22%.
    '51 narrative 95.22%',
    // L94 "(4)区电子政务项目预审工作经费 33 万元" against the project's form (its 项目名称 电子政务项目预审), L724 "项目当年预算
    // 35": found at the narrative's figure, naming the form's 35 as the one at fault (the 项目支出表 prints 33, see 680).
    '58 narrative 33',
    // L418-423 (部门整体支出绩效目标申报表, 收入构成): "财政拨款 307.24 100% 377.66" (no 2021 figure), "财政专户管理资金 0 … 0",
    // "单位资金 0 … 0", "合计 307.24 100% 377.66 370.56": the 2021 合计 370.56 has no parts.
    '380 row-formula 370.56',
    // L424: "支出构成 人员类项目支出 157.49 42.40% …" against L306 附表4-5 "合计 3 07.24 1 97.25 15 7.50 39 .76 109 .99"
    // (人员经费 157.50) and L76 "(一)人员类项目支出 157.5 万元": the same amount printed 157.49 and 157.50.
    '383 cross-table 157.49',
    // L424-427: 157.49 / 307.24 = 51.26% printed 42.40%; 39.76 / 307.24 = 12.94% printed 12.60%; 109.99 / 307.24 = 35.80%
    // printed 45% (the shares of the 2022 column, 160.29 / 377.66 = 42.44% …, were not updated).
    '383 share 42.40%',
    '384 share 12.60%',
    '385 share 45%',
    // L724 (项目申报表 电子政务项目预审): "项目总预算 35 项目当年预算 35" against L94 "(4)区电子政务项目预审工作经费 33 万元"
    // and the 项目支出表 row L405 "电子政务 项目预审 … 3.0 0" (33.00; its first digit was lost in extraction).
    '680 cross-table 35',
    // L728, the same form's 项目资金来源: "1. 一般公共预算财政拨款收入 35": all of the department's income is 一般公共预算 (附表4-1:
    // 一般公共预算拨款收入 307.24 = 收入总计 307.24), so the project's 一般公共预算 funds are its whole amount in the 项目支出表, 33.00.
    '685 cross-table 35',
    // L795-798 (项目申报表 物业管理经费, 项目资金来源): "合计" with no figure above "1. 一般公共预算财政拨款收入 9.81".
    '748 row-formula ',
    // L798 "1. 一般公共预算财政拨款收入 9.81" against L96 "(5)物业管理费 10.49 万元，比 2022 年新增 0.68 万元" and the
    // 项目支出表 row L401 "2022年物 业管理经 费 … 0.4 9" (10.49; first digit lost): the form keeps the 2022 amount.
    '749 cross-table 9.81',
  ],
  'qiaokou-2023-final': [
    // 001_3d9117acb7238360.txt L791 (整体绩效自评表, 年度目标2 first row): "…全年总计12份。	12份	12" — no 得分 cell, left blank
    // in the transcription (b:607), where every other row prints its score. 总分 100 (b:692) against the scores as they
    // stand, 20 + 4 + 27 + 5 + 8 + 9 + 8 + 7 + 10 = 98: the 2 this 29-point goal lacks. Whether the PDF's cell was lost in
    // extraction or never printed cannot be told from the text; the form as transcribed does not add up, and says so.
    '692 form 100',
  ],
  'dongxihu-2020-budget': [],
  'wuhan-info-center-2022-budget': [
    // 003_977aee08196e84ac.txt L577: "…机关事业单位基本养老保险缴费支出（项）49.98万元，比2021年预算减少0.02万元" against
    // L150 (公开表3) "2080505 机关事业单位基本养老保险缴费支出 50.00", L222 (公开表5) "… 50.00", L252 (公开表6) "30108 … 50.00".
    '530 narrative 49.98',
  ],
  'huangpi-2023-final': [
    // 004_3ec73e31864cf5c6.txt L604 (项目自评表 网络运行维护费): "年度财政 资金总额 10 万元 0 0 0" against L148
    // (公开05表) "合 123.55 112.55 11.00" (项目支出 11.00) and L459 "项目全年预算数为 11 万元,执行数为 11 万元,完成预算的 100%".
    // L443 (国有资产占用情况): "截至 2022 年 12 月 31 日,武汉市黄陂区网络运维服务中心共有车辆 1 辆" in the 2023 决算 (cover L2:
    // "2023 年度…部门决算"): the cut-off date of last year's document, not 截至 2023 年 12 月 31 日.
    '476 year-mismatch 截至 2022 年 12 月 31 日',
    // The narrative's 预算数 11 and 执行数 11 of the department's only project against its 自评表 (L604 "10 万元 0"):
    // found at the narrative's figures, each naming the form's as the one at fault (the 执行数 0 also fails the set's
    // identity 各项目执行数之和 = 项目支出, below).
    '484 narrative 11',
    '484 narrative 11',
    '618 cross-table 0',
  ],
};
