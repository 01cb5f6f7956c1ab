/**
 * The narrative checks on sentences made from templates with random figures (fast-check): the wordings of the seeds,
 * the corpus and other provinces' documents (claims.test.ts names their sources), each written with figures that
 * agree — no narrative error may be found (a false alarm) — and then with one of its checked figures mistyped — it
 * must be found (a missed mistake). A template lists which of its figures a check constrains: a base year's amount
 * nothing else restates is not one.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../server/src/analysis';

/** A sentence and the printed figures of it that some check constrains. */
interface Made {
  line: string;
  checked: string[];
}

const f2 = (cents: number) => (cents / 100).toFixed(2);
/** a ÷ b as a percentage with `d` decimals, rounded half up as printers do. */
const pct = (a: number, b: number, d = 2) => (Math.round((a / b) * 100 * 10 ** d) / 10 ** d).toFixed(d);

/**
 * Amounts in 分 of 万元 (100 = 1.00 万元): from 100 万元 to 10 亿元 — a change of an amount below that, printed to the
 * 分 of 万元, is known too roughly for its rate to be checked to a tenth of a percent.
 */
const cents = fc.oneof(fc.integer({ min: 100_00, max: 99_999_99 }), fc.integer({ min: 100_00, max: 9_999_999_99 }));
/**
 * A change of an amount: 1 % to 50 % of it (a larger decrease leaves a base so small that a rate's last digits are
 * within the rounding of the figures it is divided by).
 */
const share = fc.integer({ min: 1, max: 50 });

const templates: fc.Arbitrary<Made>[] = [
  // A 其中 list, one part to a `；` segment (seeds: wuhan-info-center 三公).
  fc.tuple(cents, cents, cents).map(([a, b, c]) => ({
    line: `“三公”经费支出 ${f2(a + b + c)} 万元，其中：因公出国（境）费 ${f2(a)} 万元；公务用车购置及运行维护费 ${f2(b)} 万元；公务接待费 ${f2(c)} 万元。`,
    checked: [f2(a + b + c), f2(a), f2(b), f2(c)],
  })),
  // Parts with their shares (the national template's 支出决算 wording).
  fc.tuple(cents, cents).map(([a, b]) => ({
    line: `本年支出合计 ${f2(a + b)} 万元，其中：基本支出 ${f2(a)} 万元，占 ${pct(a, a + b)}%；项目支出 ${f2(b)} 万元，占 ${pct(b, a + b)}%。`,
    checked: [f2(a), f2(b), `${pct(a, a + b)}%`],
  })),
  // A change and its rate, in the words of 决算 explanations and revenue reports.
  fc.tuple(cents, share, fc.boolean(), fc.constantFrom('增加', '增收', '增支'), fc.constantFrom('减少', '减收', '减支'), fc.constantFrom('下降', '负增长', '减少'))
    .map(([cur, p, up, upWord, downWord, downRate]) => {
      const ch = Math.max(1, Math.round((cur * p) / 100));
      const base = up ? cur - ch : cur + ch;
      return {
        line: `一般公共预算财政拨款支出 ${f2(cur)} 万元，比上年${up ? upWord : downWord} ${f2(ch)} 万元，${up ? '增长' : downRate} ${pct(ch, base)}%。`,
        checked: [`${pct(ch, base)}%`],
      };
    }),
  // The rate before its change.
  fc.tuple(cents, share).map(([cur, p]) => {
    const ch = Math.max(1, Math.round((cur * p) / 100));
    return { line: `机关运行经费支出 ${f2(cur)} 万元，较上年增长 ${pct(ch, cur - ch)}%，增加 ${f2(ch)} 万元。`, checked: [`${pct(ch, cur - ch)}%`] };
  }),
  // A completion rate, the budget before the final and between the words and the rate.
  fc.tuple(cents, fc.integer({ min: 1, max: 100 })).map(([b, p]) => {
    const f = Math.round((b * p) / 100);
    return { line: `“三公”经费财政拨款支出年初预算为 ${f2(b)} 万元，支出决算为 ${f2(f)} 万元，完成年初预算的 ${pct(f, b)}%。`, checked: [`${pct(f, b)}%`] };
  }),
  fc.tuple(cents, fc.integer({ min: 1, max: 100 })).map(([b, p]) => {
    const f = Math.round((b * p) / 100);
    return { line: `一般公共预算收入累计完成 ${f2(f)} 万元，完成年初预算数 ${f2(b)} 万元的 ${pct(f, b, 1)}%。`, checked: [`${pct(f, b, 1)}%`] };
  }),
  // Figures said respectively.
  fc.tuple(cents, cents, cents).map(([a, b, c]) => {
    const t = a + b + c;
    return {
      line: `政府采购支出总额 ${f2(t)} 万元，其中：货物、工程、服务采购分别为 ${f2(a)} 万元、${f2(b)} 万元和 ${f2(c)} 万元，占政府采购支出总额的 ${pct(a, t, 1)}%、${pct(b, t, 1)}%和 ${pct(c, t, 1)}%。`,
      checked: [f2(t), f2(a), f2(b), f2(c)],
    };
  }),
  // A breakdown in brackets, and a change after them (the seeds' 三公 items).
  fc.tuple(cents, cents, share).map(([a, b, p]) => {
    const t = a + b;
    const ch = Math.max(1, Math.round((t * p) / 100));
    return {
      line: `公务用车购置及运行维护费 ${f2(t)} 万元（公务用车购置费 ${f2(a)} 万元，公务用车运行维护费 ${f2(b)} 万元），比上年增加 ${f2(ch)} 万元，增长 ${pct(ch, t - ch)}%。`,
      checked: [f2(a), f2(b), `${pct(ch, t - ch)}%`],
    };
  }),
  // A 其中 inside a `；` list (the national 三公 wording).
  fc.tuple(cents, cents, cents, fc.integer({ min: 0, max: 100 })).map(([a, b, c, p]) => {
    const b1 = Math.round((b * p) / 100);
    return {
      line: `“三公”经费 ${f2(a + b + c)} 万元。其中：因公出国（境）费 ${f2(a)} 万元；公务用车购置及运行维护费 ${f2(b)} 万元；其中：公务用车购置费 ${f2(b1)} 万元；公务用车运行维护费 ${f2(b - b1)} 万元；公务接待费 ${f2(c)} 万元。`,
      checked: [f2(a + b + c), f2(a), f2(c)],
    };
  }),
  // A part's own list (`主要包括`) inside a 其中, the next part after a `；`.
  fc.tuple(cents, cents, cents).map(([a, b, c]) => ({
    line: `一般公共预算财政拨款基本支出 ${f2(a + b + c)} 万元，其中：人员经费 ${f2(a + b)} 万元，主要包括基本工资 ${f2(a)} 万元、津贴补贴 ${f2(b)} 万元；公用经费 ${f2(c)} 万元。`,
    checked: [f2(a + b + c), f2(c)],
  })),
  // A total after its parts, and one standing for them in a 其中 list; a list opened by 包括.
  fc.tuple(cents, cents, cents).map(([a, b, c]) => ({
    line: `本年支出合计 ${f2(a + b + c)} 万元，其中人员经费 ${f2(a)} 万元、公用经费 ${f2(b)} 万元，合计 ${f2(a + b)} 万元；项目支出 ${f2(c)} 万元。`,
    checked: [f2(a + b + c), f2(a + b), f2(c)],
  })),
  fc.tuple(cents, cents).map(([a, b]) => ({
    line: `基本支出 ${f2(a + b)} 万元，包括人员经费 ${f2(a)} 万元、公用经费 ${f2(b)} 万元。`,
    checked: [f2(a + b), f2(a), f2(b)],
  })),
  // Two totals and their changes said with 各 (Sichuan's wording), the commas full- or half-width (as web pages print them).
  fc.tuple(cents, cents, share, share, fc.constantFrom('，', ',', ', '), fc.constantFrom('、', ',')).map(([x, y, p, q, c, r]) => {
    const cx = Math.max(1, Math.round((x * p) / 100));
    const cy = Math.max(1, Math.round((y * q) / 100));
    return {
      line: `收、支总计各是 ${f2(x)}${c}${f2(y)} 万元。与上年相比${c}收、支总计各减少 ${f2(cx)}${c}${f2(cy)} 万元${c}各下降 ${pct(cx, x + cx)}%${r}${pct(cy, y + cy)}%。`,
      checked: [`${pct(cx, x + cx)}%`, `${pct(cy, y + cy)}%`],
    };
  }),
  // A rate of this year's amount and the base's, the change not stated.
  fc.tuple(cents, share, fc.boolean()).map(([base, p, up]) => {
    const cur = up ? base + Math.max(1, Math.round((base * p) / 100)) : base - Math.max(1, Math.round((base * p) / 100));
    const rate = pct(Math.abs(cur - base), base);
    return { line: `一般公共预算财政拨款支出 ${f2(cur)} 万元，比上年的 ${f2(base)} 万元${up ? '增长' : '下降'} ${rate}%。`, checked: [`${rate}%`] };
  }),
  // Shares of a whole the sentence opens with (`…决算中，`), its amount stated before (the national 三公 wording).
  fc.tuple(cents, cents, cents).map(([a, b, c]) => {
    const t = a + b + c;
    return {
      line: `2023年度“三公”经费财政拨款支出决算为${f2(t)}万元。2023年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算${f2(a)}万元，占${pct(a, t)}%；公务用车购置及运行维护费支出决算${f2(b)}万元，占${pct(b, t)}%；公务接待费支出决算${f2(c)}万元，占${pct(c, t)}%。`,
      checked: [`${pct(a, t)}%`, `${pct(b, t)}%`, `${pct(c, t)}%`],
    };
  }),
  // A total before `中，` and its parts; `分项情况是：` after a total, with a nested 其中.
  fc.tuple(cents, cents, cents).map(([a, b, c]) => ({
    line: `2023年“三公经费”财政拨款预算${f2(a + b + c)}万元中，因公出国(境)费${f2(a)}万元，公务用车购置及运行费${f2(b)}万元，公务接待费${f2(c)}万元。`,
    checked: [f2(a + b + c), f2(a), f2(b), f2(c)],
  })),
  fc.tuple(cents, cents, cents, cents).map(([a, b, c1, c2]) => ({
    line: `2023年“三公”经费决算总额${f2(a + b + c1 + c2)}万元。分项情况是：因公出国(境)经费决算${f2(a)}万元；公务接待费决算${f2(b)}万元；公务用车购置及运行费决算${f2(c1 + c2)}万元，其中：公务用车购置费决算${f2(c1)}万元；公务用车运行费决算${f2(c2)}万元。`,
    checked: [f2(a + b + c1 + c2), f2(a), f2(b), f2(c1 + c2), f2(c1), f2(c2)],
  })),
];

/** A 决算 of 2023 whose narrative is the line (no table: the text is checked against itself). */
const doc = (line: string) => `# 某单位2023年度部门决算\n类型：部门决算\n年度：2023\n单位：万元\n\n## 情况说明\n${line}\n`;
const errors = (line: string) => analyze(doc(line)).findings.filter((f) => f.rule === 'narrative' && f.severity === 'error');

describe('claims: sentences of the known wordings with random figures (fast-check)', () => {
  it('figures that agree: no narrative error', () => {
    fc.assert(fc.property(fc.oneof(...templates), (m) => {
      assert.deepEqual(errors(m.line).map((e) => e.message), [], m.line);
    }), { numRuns: 400, seed: 14 });
  });

  it('one checked figure mistyped (off by a digit in its last place or more): found', () => {
    fc.assert(fc.property(fc.oneof(...templates), fc.nat(), fc.integer({ min: 3, max: 9 }), (m, which, digit) => {
      const figure = m.checked[which % m.checked.length];
      // The figure's last digit changed by `digit` units, past any rounding of the sums and rates that check it.
      const number = figure.replace('%', '');
      // Its first print as a whole number (not the tail of a longer one).
      const at = [...m.line.matchAll(/\d+(?:\.\d+)?/g)].find((x) => x[0] === number && (!figure.endsWith('%') || m.line[x.index! + number.length] === '%'))!.index!;
      const decimals = number.split('.')[1]?.length ?? 0;
      const bumped = (Number(number) + digit * 10 ** (decimals ? 1 - decimals : 1)).toFixed(decimals);
      const line = m.line.slice(0, at) + bumped + m.line.slice(at + number.length);
      assert.ok(errors(line).length > 0, `not found: ${figure} → ${bumped} in ${line}`);
    }), { numRuns: 400, seed: 14 });
  });
});
