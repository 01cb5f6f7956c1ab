/**
 * The bounds of the templates of table shapes (server/src/standard/shapes.ts): at most 1,024 shapes kept per identity,
 * at most ~16 MB (as `cost` counts a template) per language. Past either, templates are dropped and made again as
 * tables are met — and every analysis still gives exactly what binding each table gives (`byShape: false`). What is
 * dropped is seen from outside: a table whose template was kept takes its identities from it (`ShapeTemplates.uses`),
 * one whose template was dropped binds them again.
 */
import { strict as assert } from 'node:assert';
import { analyze, DocumentAnalyzer, type Analysis } from '../server/src/analysis';
import { forgetTemplates } from '../server/src/standard/shapes';
import { dump, judgement, type Dumped } from './support/dump';

const BOUND = { locale: 'zh', standard: { byShape: false } } as const;

const HEADER = `# 测试部门 2023 年部门预算
部门：测试部门
年度：2023
类型：预算
金额单位：万元
`;

/** What binding gives for each text met (a text is met several times), by what it is compared by. */
const bound = new Map<(a: Analysis) => Dumped, Map<string, Dumped>>();

/**
 * Analyses `text` with a new analyzer (the templates are the process's, shared by every analyzer of a language),
 * checks it against binding (by `digest`: the whole analysis, or for a large document what it judged), and says how
 * many identities it took from a template.
 */
function uses(text: string, digest: (a: Analysis) => Dumped = dump): number {
  // The templates alone: nothing recalled from the documents read before (standard/recall.ts).
  const analyzer = new DocumentAnalyzer({ locale: 'zh', standard: { recall: false } });
  const a = analyzer.analyze(text);
  let byText = bound.get(digest);
  if (!byText) bound.set(digest, (byText = new Map()));
  let expected = byText.get(text);
  if (!expected) byText.set(text, (expected = digest(analyze(text, BOUND))));
  assert.deepEqual(digest(a), expected);
  return analyzer.shapes!.uses;
}

describe('standard sets: the bounds of the templates of table shapes', () => {
  // Each test starts from no template: what others analysed before must not move the bound.
  beforeEach(() => forgetTemplates());
  after(() => {
    forgetTemplates();
    bound.clear();
  });

  it('a 1,025th shape of one identity drops the identity’s shapes: a table met before binds again, as binding gives', function () {
    this.timeout(60_000);
    // Small documents of one 一般公共预算基本支出表 (its local identities: 合计 = 人员经费 + 公用经费 in each row,
    // 人员经费 = 301 + 303, 公用经费 = 302 + 310), each with its own label of row 302: a shape of its own.
    const doc = (i: number) => `${HEADER}
## 表 附表4-6 一般公共预算基本支出表
单位：万元
列：部门预算支出经济分类科目{科目编码 | 科目名称} | 本年一般公共预算基本支出{合计 | 人员经费 | 公用经费}
 | 合计 | 30.00 | 10.00 | 20.00
301 | 工资福利支出 | 10.00 | 10.00 | 0.00
302 | 商品和服务支出（第${i}版） | 20.00 | 0.00 | 20.00
`;
    // The first meeting marks the shape, the second makes its templates, the third takes them.
    assert.equal(uses(doc(0)), 0);
    assert.equal(uses(doc(0)), 0);
    const taken = uses(doc(0));
    assert.ok(taken >= 3, `${taken} identities taken from templates`);
    // 1,023 other shapes: 1,024 in all, as many as an identity keeps.
    for (let i = 1; i < 1024; i++) assert.equal(uses(doc(i)), 0, `shape ${i} met once`);
    assert.equal(uses(doc(0)), taken, 'with 1,024 shapes, the first one’s templates kept');
    // The 1,025th: every shape of those identities dropped, the first one's too.
    assert.equal(uses(doc(1024)), 0);
    assert.equal(uses(doc(0)), 0, 'the first shape’s templates dropped: bound again');
    assert.equal(uses(doc(0)), 0);
    assert.equal(uses(doc(0)), taken, 'and made again');
  });

  it('templates past ~16 MB drop them all: a large table met before binds again, as binding gives', function () {
    this.timeout(180_000);
    // Large documents of one 收入总表 of `ROWS` rows, each with its own label of the first row: its three 栏各行
    // identities (合计 = 本年收入小计 + 上年结转结余小计, each 小计 = Σ its columns) keep 19 places and 3 relations a
    // row — about 448 bytes as `cost` counts them today, 2.7 MB a shape: the sixth shape's templates pass 16 MB.
    // Shapes are added until the first one's templates are gone; that happens past one other (the store holds a few
    // large tables) and by the twelfth (it holds no more than 16 MB however `cost` counts a template's places).
    const ROWS = 6_000;
    const zeros = (n: number) => Array(n).fill('0.00').join(' | ');
    const doc = (v: string) => {
      const rows: string[] = [];
      for (let k = 0; k < ROWS; k++) rows.push(` | 单位${k}${k ? '' : v} | 2.00 | 1.00 | 1.00 | ${zeros(8)} | 1.00 | 1.00 | ${zeros(4)}`);
      return `${HEADER}
## 表 附表4-2 收入总表
单位：万元
列：部门(单位)代码 | 部门(单位)名称 | 合计 | 本年收入{小计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金 | 事业收入 | 事业单位经营收入 | 上级补助收入 | 附属单位上缴收入 | 其他收入} | 上年结转结余{小计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金 | 单位资金}
${rows.join('\n')}
`;
    };
    const first = doc('第0版');
    uses(first, judgement);
    uses(first, judgement);
    const taken = uses(first, judgement);
    assert.ok(taken >= 3, `${taken} identities taken from templates`);
    let others = 0;
    for (let n = 1; n <= 12 && others === 0; n++) {
      const other = doc(`第${n}版`);
      uses(other, judgement);
      uses(other, judgement);
      // The first shape met again (reading the templates changes nothing in the store).
      const now = uses(first, judgement);
      if (now === 0) others = n;
      else assert.equal(now, taken, `${n} other shapes`);
    }
    assert.ok(others > 1 && others <= 12, `the first shape’s templates dropped after ${others || 'more than 12'} other shapes`);
  });
});
