"""Numbers as written: both separator conventions, scales, currency, percent, multipliers."""

from __future__ import annotations

from datetime import date

import pytest

from smartlint.extract import read_number, read_sentence, read_target
from smartlint.model import ChangeKind

TODAY = date(2027, 1, 15)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.000", 1000.0),
        ("1,000", 1000.0),
        ("2,5", 2.5),
        ("4.1", 4.1),
        ("50,000", 50000.0),
        ("12.000", 12000.0),
        ("12000", 12000.0),
        ("0,5", 0.5),
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("15%", 15.0),
        ("2,5 tỷ", 2.5e9),
        ("2,5 tỉ", 2.5e9),
        ("3 nghìn", 3000.0),
        ("3 ngàn", 3000.0),
        ("1,5 triệu", 1.5e6),
        ("2 tỷ 5", 2.5e9),  # the spoken way: one digit is hundreds of the next scale
        ("2 tỷ 500", 2.5e9),
        ("2 tỷ 500 triệu", 2.5e9),
        ("1 triệu 2", 1.2e6),
        ("1tr2", 1.2e6),
        ("15tr", 15e6),
        ("3 triệu 250 nghìn", 3.25e6),
        ("2 tỷ 5 đồng", 2.5e9),
        ("10k", 10000.0),
        ("$2M", 2e6),
        ("$1.5M", 1.5e6),
        ("2 million", 2e6),
        ("1.2 billion", 1.2e9),
        ("350.000 đồng", 350000.0),
        ("500.000đ", 500000.0),
        ("2.000.000 VND", 2e6),
        ("USD 1,200", 1200.0),
        ("2,5 ty", 2.5e9),
    ],
)
def test_read_number(raw: str, expected: float) -> None:
    assert read_number(raw) == pytest.approx(expected)


# "2 tỷ 50": 2,05 or 2,5 tỷ? not guessed.  "5m2": square metres, not 5 million and 2.
@pytest.mark.parametrize(
    "raw", ["", "abc", "TBD", "X%", "5 tỷ lệ", "1 and 2", "???", "2 tỷ 50", "5m2"]
)
def test_read_number_refuses(raw: str) -> None:
    assert read_number(raw) is None


@pytest.mark.parametrize(
    ("raw", "kind", "value"),
    [
        ("+10%", ChangeKind.PERCENT, 10.0),
        ("-15%", ChangeKind.PERCENT, -15.0),
        ("x3", ChangeKind.FACTOR, 3.0),
        ("×3", ChangeKind.FACTOR, 3.0),
        ("3x", ChangeKind.FACTOR, 3.0),
        ("gấp đôi", ChangeKind.FACTOR, 2.0),
        ("gấp ba lần", ChangeKind.FACTOR, 3.0),
        ("nhân đôi", ChangeKind.FACTOR, 2.0),
        ("nhân ba lần", ChangeKind.FACTOR, 3.0),
        ("double", ChangeKind.FACTOR, 2.0),
        ("halve", ChangeKind.FACTOR, 0.5),
        ("13200", ChangeKind.LEVEL, 13200.0),
        ("13.200", ChangeKind.LEVEL, 13200.0),
        ("22%", ChangeKind.LEVEL, 22.0),
        ("+200", ChangeKind.DELTA, 200.0),
        ("+2pp", ChangeKind.POINTS, 2.0),
        ("-2 điểm phần trăm", ChangeKind.POINTS, -2.0),
        ("tăng 10%", ChangeKind.PERCENT, 10.0),
        ("giảm 20%", ChangeKind.PERCENT, -20.0),
    ],
)
def test_read_target(raw: str, kind: ChangeKind, value: float) -> None:
    change = read_target(raw)
    assert change is not None
    assert (change.kind, change.value) == (kind, pytest.approx(value))


@pytest.mark.parametrize("raw", ["", "TBD", "X%", "???", "(xác định bằng số)"])
def test_read_target_refuses(raw: str) -> None:
    assert read_target(raw) is None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Tăng doanh thu từ 2 tỷ lên 2,5 tỷ đồng", [2e9, 2.5e9]),
        ("Increase revenue from $1.5M to $2M", [1.5e6, 2e6]),
        ("Hire two account executives", [2.0]),
        ("Tuyển hai nhân viên kinh doanh", [2.0]),
        ("Tăng số người đăng ký lên 5% hàng tháng", [5.0]),
        ("Giảm tỷ lệ hủy 2 điểm phần trăm", [2.0]),
        ("Tăng doanh số gấp ba lần", [3.0]),
        ("Cut costs in half", [0.5]),
        ("Triple app downloads", [3.0]),
    ],
)
def test_quantities(text: str, values: list[float]) -> None:
    got = [q.value for q in read_sentence(text, TODAY).quantities]
    assert got == pytest.approx(values)


@pytest.mark.parametrize(
    "text",
    [
        # Numbers inside dates are never quantities.
        "Vào quý 1 năm 2021, chúng ta sẽ tập trung vào việc triển khai chiến dịch marketing",
        "Năm nay, chúng ta sẽ triển khai một chiến dịch marketing lớn",
        "Hoàn thành kế hoạch trước 31/12/2027",
        "Ship the new pricing page in Q3 2027",
        "Finish the migration in H1",
        "Launch the campaign by Dec 31, 2027",
        "Tập trung vào khách hàng doanh nghiệp trong tháng 8",
        "Trong 6 tháng tới, ưu tiên chất lượng dịch vụ",
        "Tăng doanh thu lên X% trong quý 4 năm 2027",
        "Increase revenue by N7% in Q2 2027",
        "Tránh những tác hại của việc trì hoãn",
        "Launch a big marketing campaign",
    ],
)
def test_no_quantity(text: str) -> None:
    assert read_sentence(text, TODAY).quantities == ()


@pytest.mark.parametrize("raw", ["0,0.0.0", "1,2.3.4", "1.2,3,4"])
def test_mixed_separators_repeated_never_raise(raw: str) -> None:
    """Hypothesis found "0,0.0.0" crashing the reader (exit 2 on the whole file)."""
    assert read_number(raw) is not None
    assert read_sentence(f"Tăng doanh thu lên {raw} tỷ trước 31/12/2027", TODAY) is not None
