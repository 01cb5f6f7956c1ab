/**
 * The narrative checks' messages (情况说明核对, 变动原因, 说明), Chinese first. Names from the document stay as printed;
 * in English they are quoted (“一般公共服务支出”).
 */
import type { Locale } from './messages';

const zh = {
  /** The title a narrative finding names its check by. */
  rule: (what: string) => `情况说明核对 ${what}`,
  titles: {
    amount: '叙述金额 = 表中数额',
    change: '增减额 = 本年 − 基数',
    rate: '变动率 = 变动额 ÷ 基数',
    share: '占比 = 部分 ÷ 总数',
    shares: '同一总数的各项占比之和 = 100%',
    impliedShare: '各项占比合计 100% 即所列各项为总数：占比 = 部分 ÷ 各部分之和',
    sharesWhole: '同一总数的各项占比 = 各部分 ÷ 同一个总数',
    completion: '完成率 = 决算数 ÷ 预算数',
    sum: '总数 = 其中各项之和',
    changeSum: '总数的增减额 = 其中各项增减额之和',
    balance: '收入（支出）总计 = 本级收入（支出）加上各项之和',
    balanceLeft: '收支相抵的结余（结转） = 收入总计 − 支出总计',
    compare: '决算数与预算数的比较',
    direction: '增减方向与数额相符',
    flat: '“持平”即两数相同',
    count: '总数 ≥ 其中各项之和',
    countAll: '总数 = 其中各项之和（列至“其他”）',
    difference: '差值 = 预算数与决算数之差（不计正负）',
    saving: '节约资金 = 预算（计划）数 − 实际采购数',
    savingRate: '节约率 = 节约资金 ÷ 预算（计划）数',
    savingRateOfSpent: '节约率 = 节约资金 ÷ (实际采购数 + 节约资金)（预算数未列示）',
    reduction: '审减金额 = 送审金额 − 审定金额',
    reductionRate: '审减率 = 审减金额 ÷ 送审金额',
  },
  /** `情况说明“基本支出”`, with its figure when given (`情况说明“基本支出” 16.6%`). */
  claim: (subject: string, figure?: string) => `${subject ? `情况说明“${subject}”` : '情况说明所述金额'}${figure ? ` ${figure}` : ''}`,
  amountMismatch: (claim: string, stated: string, where: string, expected: string, diff: string, title: string) =>
    `${claim}为 ${stated}，${where}为 ${expected}：同一数额两处列示不一致，相差 ${diff}（${title}）`,
  /** A table's figure in its own unit and in the claim's it was compared in: `1,600,000.00 元（合 160.00 万元）`. */
  inUnit: (printed: string, unit: string, converted: string, claimUnit: string) => `${printed}${unit ? ` ${unit}` : ''}（合 ${converted} ${claimUnit}）`,
  /** A table's figure with where it is printed: `200.00（“三公”经费表「“三公”经费」行「上年预算数」栏）`. */
  printedAt: (figure: string, where: string) => `${figure}（${where}）`,
  approxMismatch: (claim: string, stated: string, where: string, actual: string, title: string) =>
    `${claim}约为 ${stated}，${where}为 ${actual}：相差超过所说的位数（${title}）`,
  amountBlank: (claim: string, stated: string, where: string, title: string) =>
    `${claim}为 ${stated}，${where}却为空（${title}）`,
  amountZero: (claim: string, where: string, expected: string, title: string) =>
    `${claim}为 0，${where}为 ${expected}（${title}）`,
  changeMismatch: (word: string, stated: string, current: string, base: string, expected: string, diff: string, title: string) =>
    `增减额不符：列示${word} ${stated}，按本年 ${current} 与基数 ${base} 应为 ${expected}，相差 ${diff}（${title}）`,
  directionMismatch: (word: string, current: string, base: string, title: string) =>
    `增减方向不符：本年 ${current}，基数 ${base}，却称“${word}”（${title}）`,
  rateDirection: (changeWord: string, rateWord: string, title: string) =>
    `增减方向前后矛盾：变动额称“${changeWord}”，变动率称“${rateWord}”（${title}）`,
  compareMismatch: (word: string, finalAmount: string, budget: string, title: string) =>
    `比较不符：决算数 ${finalAmount}，预算数 ${budget}，却称“${word}”（${title}）`,
  flatMismatch: (word: string, current: string, base: string, title: string) =>
    `称“${word}”，但本年 ${current} 与基数 ${base} 不同（${title}）`,
  mainItemsShort: (sum: string, total: string, short: string, title: string) =>
    `所列各项合计 ${sum}，比总额 ${total} 少 ${short}：引言称“主要”或“等”，可能只列了主要项目；若所列即全部，则有一项有误（${title}）`,
  sharesOver: (sum: string, title: string) => `同一总数的各项占比之和为 ${sum}，超过 100%（${title}）`,
  sharesApart: (stated: string, part: string, whole: string, expected: string, diff: string, title: string) =>
    `占比与同一总数的其他各项不符：列示 ${stated}，按其余各项的占比总数约为 ${whole}，${part} ÷ ${whole} 应为 ${expected}，相差 ${diff}（${title}）`,
  countOver: (total: string, sum: string, title: string) => `其中各项之和 ${sum} 大于总数 ${total}（${title}）`,
  countUnder: (total: string, sum: string, last: string, title: string) => `其中各项（列至“${last}”，已含全部类别）之和 ${sum} 小于总数 ${total}（${title}）`,
  partOver: (part: string, total: string, difference: string, title: string) => `其中一项 ${part} 大于总数 ${total}，超出 ${difference}（${title}）`,
  changeWords: { up: '增加', down: '减少', flat: '持平' },
  reasonMissing: (what: string, threshold: string) => `变动较大（${what}）但未说明原因：超过 ${threshold} 的变动应写明主要原因`,
  reasonPlaceholder: (text: string) => `变动原因未填写：“${text || '（空）'}”不是原因`,
  threshold: (percent: string, amount: string) => `${percent}% 且 ${amount} 万元`,
  culprit: (names: string[]) => `；可能有误的是 ${names.join('、')}`,
  /** The figures of one explanation, as a tie names them. */
  figures: (names: string[]) => names.join('、'),
  culpritTie: (names: string) => `；无法确定哪一个数有误：${names} 各自改动都可使核对成立`,
  /** After the first few figures a tie names, how many it names in all (each is a related location of the finding). */
  tieMore: (count: number) => ` 等 ${count} 处`,
  fixCulprit: (name: string, value: string) => `将 ${name} 改为 ${value}`,
  or: ' 或 ',
};
export type ClaimMessages = typeof zh;

const en: ClaimMessages = {
  rule: (what) => `narrative check: ${what}`,
  titles: {
    amount: 'narrative amount = table figure',
    change: 'change = this year − base',
    rate: 'rate = change ÷ base',
    share: 'share = part ÷ whole',
    shares: 'the shares of one whole add up to 100%',
    impliedShare: 'shares adding up to 100% make the parts listed the whole: share = part ÷ the sum of the parts',
    sharesWhole: 'the shares of one whole are each part ÷ that one whole',
    completion: 'completion = final ÷ budget',
    sum: 'total = sum of its parts',
    changeSum: "a total's change = the sum of its parts' changes",
    balance: "total revenue (expenditure) = the level's own plus the items added to it",
    balanceLeft: 'the balance carried forward = total revenue − total expenditure',
    compare: 'final amount compared with the budget',
    direction: 'the direction word agrees with the figures',
    flat: '“unchanged” means the two figures are equal',
    count: 'total ≥ sum of its parts',
    countAll: 'total = sum of its parts (listed down to “other”)',
    difference: 'difference = budget and final amount apart (unsigned)',
    saving: 'saving = budget (plan) − amount procured',
    savingRate: 'saving rate = saving ÷ budget (plan)',
    savingRateOfSpent: 'saving rate = saving ÷ (amount procured + saving) (the budget not printed)',
    reduction: 'reduction = amount submitted for review − amount approved',
    reductionRate: 'reduction rate = reduction ÷ amount submitted for review',
  },
  claim: (subject, figure) => `${subject ? `the narrative’s “${subject}”` : 'the narrative’s amount'}${figure ? ` ${figure}` : ''}`,
  amountMismatch: (claim, stated, where, expected, diff, title) =>
    `${claim} is ${stated}, ${where} is ${expected}: the same amount is printed differently, difference ${diff} (${title})`,
  inUnit: (printed, unit, converted, claimUnit) => `${printed}${unit ? ` ${unit}` : ''} (${converted} ${claimUnit})`,
  printedAt: (figure, where) => `${figure} (${where})`,
  approxMismatch: (claim, stated, where, actual, title) => `${claim} is about ${stated}, but ${where} is ${actual}: further off than the digit it speaks of (${title})`,
  amountBlank: (claim, stated, where, title) => `${claim} is ${stated}, but ${where} is blank (${title})`,
  amountZero: (claim, where, expected, title) => `${claim} is 0, but ${where} is ${expected} (${title})`,
  changeMismatch: (word, stated, current, base, expected, diff, title) =>
    `Change mismatch: printed ${word} ${stated}, this year ${current} against the base ${base} gives ${expected}, difference ${diff} (${title})`,
  directionMismatch: (word, current, base, title) => `Wrong direction: this year ${current}, base ${base}, yet the text says “${word}” (${title})`,
  rateDirection: (changeWord, rateWord, title) => `Contradicting directions: the change says “${changeWord}”, its rate “${rateWord}” (${title})`,
  compareMismatch: (word, finalAmount, budget, title) => `Wrong comparison: final ${finalAmount}, budget ${budget}, yet the text says “${word}” (${title})`,
  flatMismatch: (word, current, base, title) => `The text says “${word}”, but this year ${current} differs from the base ${base} (${title})`,
  mainItemsShort: (sum, total, short, title) =>
    `The items listed add to ${sum}, ${short} short of the total ${total}: the lead says “主要” (main) or “等” (etc.), so it may list only the main items; if they are all, one of them is wrong (${title})`,
  sharesOver: (sum, title) => `The shares of one whole add up to ${sum}, over 100% (${title})`,
  sharesApart: (stated, part, whole, expected, diff, title) =>
    `A share that does not fit the other shares of its whole: printed ${stated}; the others make the whole about ${whole}, and ${part} ÷ ${whole} gives ${expected}, difference ${diff} (${title})`,
  countOver: (total, sum, title) => `The parts add up to ${sum}, more than the total ${total} (${title})`,
  countUnder: (total, sum, last, title) => `The parts, every kind listed (down to “${last}”), add up to ${sum}, less than the total ${total} (${title})`,
  partOver: (part, total, difference, title) => `One part, ${part}, is more than the total ${total}, by ${difference} (${title})`,
  changeWords: { up: 'increase', down: 'decrease', flat: 'unchanged' },
  reasonMissing: (what, threshold) => `A large change (${what}) with no reason given: changes over ${threshold} need their main reason`,
  reasonPlaceholder: (text) => `The reason for the change is not filled in: “${text || '(blank)'}” is not a reason`,
  threshold: (percent, amount) => `${percent}% and ${amount} 万元`,
  culprit: (names) => (names.length === 1 ? `; the figure likely at fault is ${names[0]}` : `; the figures likely at fault are ${listed(names)}`),
  figures: (names) => listed(names),
  culpritTie: (names) => `; cannot tell which figure is at fault: changing either ${names} would make the checks hold`,
  tieMore: (count) => ` (${count} in all)`,
  fixCulprit: (name, value) => `Change ${name} to ${value}`,
  or: ' or ',
};

/** `A`, `A and B`, `A, B and C`. */
function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function claimMessages(locale: Locale = 'zh'): ClaimMessages {
  return locale === 'en' ? en : zh;
}
