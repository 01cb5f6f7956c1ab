/** Quick fixes, pure: each takes the document's text and model and returns edits by offset. */
export { setTotalFix } from './totals';
export { justifiable, justifyFix } from './justify';
export { missingParents, parentRowFixes, type MissingParent, type NameOf } from './parents';
export { noteRuleFixes, rulesIn, ruleKey, undeclaredNoteRules, type PrintedRule } from './noteRules';
export type { Fix, TextEdit } from './fix';
