/**
 * How error localisation (../checks/localise) names figures and weighs them. A percentage is derived and the first
 * suspect; a figure typed again in the narrative (or a form's text) is likelier wrong than a form's, and a form's than a
 * table's, which the accounting system printed (the guide: the real mistakes hide where figures are typed again).
 */
import { cellName } from '../checks/evaluate';
import type { LocaliseOptions } from '../checks/localise';
import { claimMessages } from '../i18n/claims';
import type { Locale, Messages } from '../i18n/messages';
import type { Cell } from '../model/document';
import { impliedList, isClaimCell } from './checks';

/** How many of the figures that tie a message names (`tie`). */
const TIE_NAMED = 4;

export function culpritOptions(m: Messages, locale?: Locale): LocaliseOptions {
  const cm = claimMessages(locale);
  return {
    name: (c: Cell, near?: Cell) => (isClaimCell(c) ? cm.claim(c.row.label, c.text) : cellName(c, m, near && near.row.part.table === c.row.part.table ? 'cell' : 'both')),
    weight: (c: Cell) => (c.figure?.percent ? 1 : isClaimCell(c) ? 2 : c.row.part.table.kind === 'form' ? 3 : 4),
    culprit: cm.culprit,
    // A sum of many addends that one figure alone can set right ties them all (a 绩效自评表's 总分 and its 80 得分): the
    // first few are named, the rest counted; each is a related location of the finding all the same.
    tie: (sets) => cm.culpritTie(sets.slice(0, TIE_NAMED).map(cm.figures).join(cm.or) + (sets.length > TIE_NAMED ? cm.tieMore(sets.length) : '')),
    fixTitle: cm.fixCulprit,
    // The shares of one list whose whole is the sum of its parts: a part typed again wrongly breaks them all.
    together: impliedList,
  };
}
