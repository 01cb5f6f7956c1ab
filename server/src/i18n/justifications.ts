/** The messages of justifications (`说明：…`), Chinese first. */
import type { Locale } from './messages';

const zh = {
  acknowledged: (message: string, reason: string) => `〔已说明〕${message}（说明：${reason}）`,
  related: (reason: string) => `说明：${reason}`,
  unused: (line: string) => `此说明没有对应的核对结果（所说的数或规则在此处没有出错，或已改正），请删除：“${line}”`,
  addJustification: '记录说明：接受此结果（说明：…）',
};
export type JustificationMessages = typeof zh;

const en: JustificationMessages = {
  acknowledged: (message, reason) => `[acknowledged] ${message} (justified: ${reason})`,
  related: (reason) => `justified: ${reason}`,
  unused: (line) => `This justification accepts no finding (what it names has no finding here, or was corrected): remove “${line}”`,
  addJustification: 'Accept this finding with a justification (说明：…)',
};

export function justificationMessages(locale: Locale = 'zh'): JustificationMessages {
  return locale === 'en' ? en : zh;
}
