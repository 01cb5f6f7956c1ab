/**
 * The 硚口 seed as a user who writes rules of her own would have it: the cross-table `规则：` lines (and two implied
 * in-table ones) that its transcription carried before the standard table sets made them redundant. The editor
 * features that work on rules (outline, folding, go to definition, references, highlights, preview, export) are tested
 * on it: a rule naming another table is what they must follow. The seed itself (seeds/) carries only the rules its
 * document prints.
 */
import { strict as assert } from 'node:assert';

/** Each anchor line of the seed, and the lines a user adds right after it (in the order they stand in the tables). */
const QIAOKOU_RULES: [string, string[]][] = [
  ['规则：58行=（32+33+…+57）行；62行=（58+59+60）行。', [
    '// 跨表核对',
    '规则：27行=公开02表「合计」行1栏；58行=公开03表「合计」行1栏；1行=公开04表1行',
    '// 跨表核对：支出各类与支出决算表类级行',
    '规则：32行=公开03表「201」行1栏；39行=公开03表「208」行1栏；40行=公开03表「210」行1栏；45行=公开03表「215」行1栏；50行=公开03表「221」行1栏',
  ]],
  ['规则：1栏各行=(2+3+4+5+6+7)栏各行。', ['// 跨表核对', '规则：「合计」行2栏=公开04表27行1栏']],
  ['规则：59行=（33+34+…+58）行；64行=（59+60）行。', [
    '// 表内隐含（未印）：决算数合计栏 = 三类财政拨款之和',
    '规则：2栏各行=(3+4+5)栏各行',
    '// 跨表核对',
    '规则：1行=公开01表1行；59行3栏=公开05表「合计」行1栏',
    '// 跨表核对：一般公共预算财政拨款支出各类与公开05表类级行',
    '规则：33行3栏=公开05表「201」行1栏；40行3栏=公开05表「208」行1栏；41行3栏=公开05表「210」行1栏；46行3栏=公开05表「215」行1栏；51行3栏=公开05表「221」行1栏',
  ]],
  ['注：本表反映部门本年度一般公共预算财政拨款支出情况。\n规则：1栏各行=(2+3)栏各行。', [
    '// 跨表核对：基本支出合计 = 公开06表 人员经费合计 + 公用经费合计',
    '规则：「合计」行2栏=公开06表「人员经费合计」行1栏+公开06表「公用经费合计」行1栏',
    '// 跨表核对：一般公共预算财政拨款支出 = 支出决算表（本部门全部支出均为一般公共预算财政拨款）',
    '规则：「合计」行2栏=公开03表「合计」行2栏；「合计」行3栏=公开03表「合计」行3栏',
  ]],
  ['注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。', [
    '// 表内隐含（未印）：两项合计',
    '规则：「人员经费合计」行=(「301」+「303」)行；「公用经费合计」行=(「302」+「310」)行',
  ]],
  ['注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。', [
    '规则：1栏=(2+3+6)栏；3栏=(4+5)栏；7栏=(8+9+12)栏；9栏=(10+11)栏。',
  ]],
  ['部门整体支出总额 | 2,098.74 | 2,098.74 | 100 | 20', [
    '// 跨表核对',
    '规则：「部门整体支出总额」行2栏=公开03表「合计」行1栏；「基本支出总额」行=公开03表「合计」行2栏；「项目支出总额」行=公开03表「合计」行3栏',
    '// 表内隐含（未印）：整体支出 = 基本支出 + 项目支出',
    '规则：「部门整体支出总额」行2栏=「基本支出总额」行1栏+「项目支出总额」行1栏',
  ]],
  ['年度财政资金总额 | 11.71 | 11.71 | 100% | 20', ['// 跨表核对：本项目为 2010350 事业运行的全部项目支出', '规则：「年度财政资金总额」行2栏=公开05表「2010350」行3栏']],
  ['年度财政资金总额 | 72.8 | 72.8 | 100% | 20', ['// 跨表核对：本项目为 2100410 突发公共卫生事件应急处理的全部项目支出', '规则：「年度财政资金总额」行2栏=公开05表「2100410」行3栏']],
];

/** The 硚口 seed's text with the user's rules added (each anchor must stand in it once). */
export function qiaokouWithUserRules(seed: string): string {
  let text = seed;
  for (const [anchor, lines] of QIAOKOU_RULES) {
    const at = text.indexOf(`${anchor}\n`);
    assert.ok(at >= 0 && text.indexOf(`${anchor}\n`, at + 1) < 0, `anchor not found once: ${anchor.slice(0, 30)}`);
    const end = at + anchor.length + 1;
    text = `${text.slice(0, end)}${lines.join('\n')}\n${text.slice(end)}`;
  }
  return text;
}
