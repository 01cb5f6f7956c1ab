/** Messages about the project configuration (`budget-tables.json`): Chinese first, English when asked for. */
import type { Locale } from './messages';

const zh = {
  syntax: (what: string) => `budget-tables.json 不是有效的 JSON：${what}`,
  notObject: 'budget-tables.json 应为一个 JSON 对象（{ … }）',
  unknownKey: (key: string, known: string) => `未知的配置项“${key}”（可用：${known}）`,
  wrongType: (key: string, expected: string) => `“${key}”应为${expected}`,
  unknownRule: (id: string) => `未知的规则“${id}”（规则见 docs/rules.md）`,
  badSeverity: (value: string) => `规则级别应为 error、warning、information、hint 或 off，实为“${value}”`,
  negative: (key: string) => `“${key}”不能为负数`,
  duplicate: (key: string) => `配置项“${key}”重复，以最后一处为准`,
  types: { string: '字符串', strings: '字符串数组', boolean: 'true 或 false', number: '数字', object: '对象' } as Record<string, string>,
  jsonErrors: {
    InvalidSymbol: '无效的符号', InvalidNumberFormat: '数字格式有误', PropertyNameExpected: '此处应为属性名',
    ValueExpected: '此处应为值', ColonExpected: '此处应为冒号', CommaExpected: '此处应为逗号',
    CloseBraceExpected: '此处应为“}”', CloseBracketExpected: '此处应为“]”', EndOfFileExpected: '此处应结束',
    InvalidCommentToken: '无效的注释', UnexpectedEndOfComment: '注释未结束', UnexpectedEndOfString: '字符串未结束',
    UnexpectedEndOfNumber: '数字未结束', InvalidUnicode: '无效的 Unicode 转义', InvalidEscapeCharacter: '无效的转义字符',
    InvalidCharacter: '无效的字符',
  } as Record<string, string>,
};
export type ConfigMessages = typeof zh;

const en: ConfigMessages = {
  syntax: (what) => `budget-tables.json is not valid JSON: ${what}`,
  notObject: 'budget-tables.json must hold one JSON object ({ … })',
  unknownKey: (key, known) => `Unknown setting “${key}” (known: ${known})`,
  wrongType: (key, expected) => `“${key}” must be ${expected}`,
  unknownRule: (id) => `Unknown rule “${id}” (the rules are listed in docs/rules.md)`,
  badSeverity: (value) => `A rule's severity is error, warning, information, hint or off, not “${value}”`,
  negative: (key) => `“${key}” cannot be negative`,
  duplicate: (key) => `“${key}” is set twice; the last one applies`,
  types: { string: 'a string', strings: 'an array of strings', boolean: 'true or false', number: 'a number', object: 'an object' },
  jsonErrors: {
    InvalidSymbol: 'invalid symbol', InvalidNumberFormat: 'invalid number', PropertyNameExpected: 'a property name is expected here',
    ValueExpected: 'a value is expected here', ColonExpected: 'a colon is expected here', CommaExpected: 'a comma is expected here',
    CloseBraceExpected: '“}” is expected here', CloseBracketExpected: '“]” is expected here', EndOfFileExpected: 'the end of the file is expected here',
    InvalidCommentToken: 'invalid comment', UnexpectedEndOfComment: 'unterminated comment', UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number', InvalidUnicode: 'invalid Unicode escape', InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character',
  },
};

export function configMessages(locale: Locale = 'zh'): ConfigMessages {
  return locale === 'en' ? en : zh;
}
