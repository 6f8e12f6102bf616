"""Generate realistic goal files for the benchmark: seeded, deterministic, valid YAML.

A generated file looks like the plans smartlint is written for: objectives with ``why``,
owners and nested ``key_results``, flat goals linked by ``parent``, structured fields
(metric, unit, baseline, target, start, deadline), history in both listed and dated forms,
bare one-sentence goals, and a share of vague or broken goals, in Vietnamese and English
(about half each, some Vietnamese without diacritics).

    python benchmarks/generate.py 10000 -o /tmp/goals-10k.yaml
    python benchmarks/generate.py 20 --seed 7            # to stdout
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator

YEAR = 2027  # the benchmark lints with --today 2027-01-15

VI_METRICS = (
    ("số lượt truy cập website từ nguồn organic search", "lượt"),
    ("số lượng người like fanpage về sản phẩm", "người"),
    ("số người đăng ký nhận bản tin", "người"),
    ("doanh thu online", "đồng"),
    ("số đơn hàng trên sàn thương mại điện tử", "đơn"),
    ("số lượng người đăng ký tư vấn sử dụng sản phẩm", "người"),
    ("số lượt tải ứng dụng", "lượt"),
    ("số khách hàng thân thiết", "khách hàng"),
    ("số bài viết trên blog", "bài"),
    ("số lượt xem video trên kênh YouTube", "lượt xem"),
)
EN_METRICS = (
    ("organic search visits", "visits/month"),
    ("newsletter subscribers", "subscribers"),
    ("demo requests", "requests"),
    ("monthly active users", "users"),
    ("qualified leads", "leads"),
    ("webinar sign-ups", "sign-ups"),
    ("annual recurring revenue", "USD"),
    ("app downloads", "downloads"),
    ("support tickets closed", "tickets"),
    ("paid conversions", "customers"),
)
VI_RATES = (
    "tỷ lệ chuyển đổi của trang thanh toán",
    "tỷ lệ mở email",
    "tỷ lệ khách hàng quay lại",
)
EN_RATES = ("trial-to-paid conversion", "email open rate", "monthly churn")
VI_MONTHS = [f"tháng {m}" for m in range(1, 13)]
EN_MONTHS = ("January", "February", "March", "April", "May", "June")
EN_MONTHS += ("July", "August", "September", "October", "November", "December")
VI_WHY = (
    "Nguồn vốn cho việc mở thêm hai chi nhánh ở Đà Nẵng và Cần Thơ",
    "Biên lợi nhuận đang thấp hơn kế hoạch 3 điểm phần trăm",
    "Mục tiêu chung của doanh nghiệp trong năm",
    "Ban giám đốc cần số liệu để gọi vốn vòng tiếp theo",
)
EN_WHY = (
    "Series B milestones require $5M ARR",
    "Every point of churn costs about $50k ARR a year",
    "The board asked for a predictable pipeline",
    "Sales capacity doubles in the second half",
)
VI_OWNERS = ("nhóm SEO", "nhóm social", "nhóm email", "giám đốc kinh doanh", "nhóm sản phẩm")
EN_OWNERS = ("growth team", "sales", "product", "marketing ops", "CEO")
VI_VAGUE = (
    "Tăng số lượng người ghé thăm trang blog",
    "Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn",
    "Cải thiện hình ảnh thương hiệu trên mạng xã hội",
    "Tang so luong nguoi dang ky nhan tin len 10% hang thang",
)
EN_VAGUE = (
    "Improve the blog",
    "This year we will run a big marketing campaign",
    "Grow brand awareness",
    "Reach 50,000 newsletter subscribers",
)


def _vi_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _en_number(value: int) -> str:
    return f"{value:,}"


class _Goals:
    """Build goal entries one at a time, all randomness from one seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0
        self.top_ids: list[str] = []

    def new_id(self, stem: str) -> str:
        self.count += 1
        return f"{stem}-{self.count}"

    # ------------------------------------------------------------------ sentences

    def vi_deadline(self) -> str:
        r = self.rng
        month = r.randint(2, 12)
        return r.choice(
            (
                f"vào cuối {VI_MONTHS[month - 1]} năm {YEAR}",
                f"trong quý {r.randint(1, 4)} năm {YEAR}",
                f"trước {r.randint(1, 28)}/{month}/{YEAR}",
                f"trong {r.randint(2, 9)} tháng tới",
                f"vào cuối năm {YEAR}",
            )
        )

    def en_deadline(self) -> str:
        r = self.rng
        month = r.randint(2, 12)
        return r.choice(
            (
                f"by {r.randint(1, 28)} {EN_MONTHS[month - 1]} {YEAR}",
                f"in Q{r.randint(1, 4)} {YEAR}",
                f"by the end of {EN_MONTHS[month - 1]} {YEAR}",
                f"within {r.randint(2, 9)} months",
                f"by the end of {YEAR}",
            )
        )

    def vi_sentence(self) -> tuple[str, int]:
        r = self.rng
        metric, unit = r.choice(VI_METRICS)
        base = r.choice((80, 350, 1200, 4000, 12000, 50000, 2_000_000))
        kind = r.randrange(6)
        if kind == 0:
            target = int(base * r.uniform(1.05, 1.6))
            text = f"Tăng {metric} từ {_vi_number(base)} lên {_vi_number(target)} {unit} {self.vi_deadline()}"
        elif kind == 1:
            text = f"Tăng {metric} lên {r.randint(3, 40)}% so với quý trước {self.vi_deadline()}"
        elif kind == 2:
            text = f"Tăng {metric} lên {r.randint(2, 12)}% hàng tháng"
        elif kind == 3:
            rate = r.choice(VI_RATES)
            low = r.randint(10, 40) / 10
            text = (
                f"Nâng {rate} từ {str(low).replace('.', ',')}% lên "
                f"{str(round(low + r.randint(2, 9) / 10, 1)).replace('.', ',')}% {self.vi_deadline()}"
            )
        elif kind == 4:
            text = f"Tăng {metric} lên gấp {r.choice(('đôi', 'ba lần'))} {self.vi_deadline()} bằng cách chạy quảng cáo trên Facebook"
        else:
            text = f"Đạt {_vi_number(base)} {unit} {metric} {self.vi_deadline()}"
        return text, base

    def en_sentence(self) -> tuple[str, int]:
        r = self.rng
        metric, _ = r.choice(EN_METRICS)
        base = r.choice((80, 350, 1200, 4000, 12000, 50000, 2_000_000))
        kind = r.randrange(6)
        if kind == 0:
            target = int(base * r.uniform(1.05, 1.6))
            text = f"Increase {metric} from {_en_number(base)} to {_en_number(target)} {self.en_deadline()}"
        elif kind == 1:
            text = f"Grow {metric} by {r.randint(3, 40)}% vs last quarter {self.en_deadline()}"
        elif kind == 2:
            text = f"Increase {metric} by {r.randint(2, 12)}% every month"
        elif kind == 3:
            rate = r.choice(EN_RATES)
            low = r.randint(10, 40) / 10
            verb = "Reduce" if rate == "monthly churn" else "Raise"
            high = round(low + r.randint(2, 9) / 10, 1)
            a, b = (high, low) if verb == "Reduce" else (low, high)
            text = f"{verb} {rate} from {a}% to {b}% {self.en_deadline()}"
        elif kind == 4:
            text = f"Double {metric} {self.en_deadline()} by running a referral campaign"
        else:
            text = f"Reach {_en_number(base)} {metric} {self.en_deadline()}"
        return text, base

    def sentence(self, vi: bool) -> tuple[str, int]:
        if self.rng.random() < 0.08:
            return self.rng.choice(VI_VAGUE if vi else EN_VAGUE), 1000
        return self.vi_sentence() if vi else self.en_sentence()

    # ------------------------------------------------------------------ fields

    def history_lines(self, base: int, indent: str) -> list[str]:
        r = self.rng
        n = r.randint(3, 8)
        values = [base]
        for _ in range(n - 1):
            values.append(max(1, int(values[-1] / r.uniform(1.0, 1.12))))
        values.reverse()
        if r.random() < 0.5:
            period = r.choice(("month", "quarter", "week"))
            listed = ", ".join(str(v) for v in values)
            return [
                f"{indent}history:",
                f"{indent}  period: {period}",
                f"{indent}  values: [{listed}]",
            ]
        lines = [f"{indent}history:"]
        for i, v in enumerate(values):
            month = 12 - (len(values) - 1 - i)
            lines.append(f"{indent}  {YEAR - 1}-{month:02d}: {v}")
        return lines

    def structured_lines(self, base: int, indent: str, vi: bool) -> list[str]:
        r = self.rng
        lines: list[str] = []
        if r.random() < 0.3:
            metric, unit = r.choice(VI_METRICS if vi else EN_METRICS)
            lines += [f"{indent}metric: {metric}", f"{indent}unit: {unit}"]
        if r.random() < 0.35:
            if r.random() < 0.5:
                lines.append(f"{indent}baseline: {base}")
            else:
                lines.append(f"{indent}baseline: {{value: {base}, as_of: {YEAR - 1}-12-31}}")
            lines.append(
                f"{indent}target: "
                + r.choice((str(int(base * 1.2)), f'"+{r.randint(5, 30)}%"', '"x2"', '"-10%"'))
            )
        if r.random() < 0.3:
            month = r.randint(3, 12)
            lines.append(f"{indent}start: {YEAR}-01-01")
            lines.append(
                f"{indent}deadline: "
                + r.choice(
                    (
                        f"{YEAR}-{month:02d}-28",
                        f"{YEAR}-Q{r.randint(1, 4)}",
                        f'"{YEAR}-{month:02d}-15"',
                    )
                )
            )
        if r.random() < 0.3:
            lines += self.history_lines(base, indent)
        return lines

    # ------------------------------------------------------------------ goals

    def goal(self, indent: str, vi: bool, parent: str | None, depth: int) -> Iterator[str]:
        """Yield the lines of one goal (and its key results) as a list item at ``indent``."""
        r = self.rng
        text, base = self.sentence(vi)
        if depth > 0 and parent is None and r.random() < 0.1:
            self.count += 1
            yield f"{indent}- {text}"  # a bare sentence
            return
        goal_id = self.new_id("muc-tieu" if vi else "goal")
        inner = indent + "  "
        yield f"{indent}- id: {goal_id}"
        yield f"{inner}title: {text}"
        if depth == 0:
            if parent is None:
                yield f"{inner}why: {r.choice(VI_WHY if vi else EN_WHY)}"
            else:
                link = parent if r.random() > 0.03 else parent + "-typo"  # a dangling link
                yield f"{inner}parent: {link}"
        if r.random() < 0.5:
            yield f"{inner}owner: {r.choice(VI_OWNERS if vi else EN_OWNERS)}"
        yield from self.structured_lines(base, inner, vi)
        if depth == 0 and parent is None and r.random() < 0.6:
            yield f"{inner}key_results:"
            for _ in range(r.randint(2, 4)):
                yield from self.goal(inner + "  ", vi, None, depth + 1)
        if depth == 0 and parent is None:
            self.top_ids.append(goal_id)


def generate(n: int, seed: int = 2027) -> str:
    """Return a goal file holding about ``n`` goals (at least ``n``), the same for a seed."""
    goals = _Goals(seed)
    lines = [
        "# Generated by benchmarks/generate.py: a realistic plan in Vietnamese and English.",
        f"# Lint with --today {YEAR}-01-15.",
        "goals:",
    ]
    r = goals.rng
    while goals.count < n:
        vi = r.random() < 0.5
        if r.random() < 0.06:
            text, _ = goals.sentence(vi)
            goals.count += 1
            lines.append(f"  - {text}")
            continue
        parent = r.choice(goals.top_ids) if goals.top_ids and r.random() < 0.55 else None
        lines.extend(goals.goal("  ", vi, parent, 0))
        if r.random() < 0.2:
            lines.append("")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write a generated goal file to ``-o`` or stdout."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("goals", type=int, help="how many goals (at least)")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    parser.add_argument("--seed", type=int, default=2027)
    args = parser.parse_args(argv)
    text = generate(args.goals, args.seed)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
