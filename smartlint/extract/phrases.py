"""The words and patterns a goal sentence is read with, in its folded form (see :mod:`.text`).

Vietnamese is matched without diacritics ("tang" stands for "tăng"); :meth:`Folded.plain`
keeps words whose accented spelling is another word out.  :mod:`.sentence` decides what the
matches mean; this module only says what to look for.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from smartlint.extract.dispatch import by_first_letter
from smartlint.model import Period
from smartlint.patterns import Lazy, compile_pattern

WORD_START = r"(?<![\w-])"
WORD_END = r"(?![\w-])"
WORD = compile_pattern(r"[a-z0-9]+")  # a word of the folded text, as the gates look words up


class Gate(NamedTuple):
    """What a pattern needs before it is run: one of its whole words among the sentence's
    words (a set lookup), or one of its pieces (a suffix, several words, a sign) in the text.

    A whole word may stand in a gate only when the pattern matches it between word
    boundaries, so that it is one of :data:`WORD`'s words whenever the pattern matches.
    """

    words: frozenset[str]
    pieces: tuple[str, ...]


def gate(*needs: str) -> Gate:
    """Return the gate of a pattern that needs one of ``needs``."""
    return Gate(
        frozenset(n for n in needs if WORD.fullmatch(n)),
        tuple(n for n in needs if not WORD.fullmatch(n)),
    )


def opens(g: Gate, text: str, words: frozenset[str]) -> bool:
    """Tell whether the gate lets its pattern run on ``text``, whose words are ``words``."""
    if not g.words.isdisjoint(words):
        return True
    for piece in g.pieces:  # noqa: SIM110 -- a loop builds no generator; runs on every sentence
        if piece in text:
            return True
    return False


PLACEHOLDER = compile_pattern(
    r"(?<![\w])(?:tbd|tbc|tba|n/a)%?(?![\w])"
    r"|(?<![\w])x{1,3}%|(?<![\w])(?P<x>x{1,3})(?![\w%])"
    r"|\?{2,}%?|(?<![\w])\?%"
    r"|<[^<>\n]{1,80}>|\[[^\[\]\n]{1,40}\]"
    r"|\(\s*(?:xac dinh|chua xac dinh|dien|tbd|so|number|target|value)[^()\n]{0,60}\)"
    r"|(?<![\w])(?:chua xac dinh|xac dinh sau)(?![\w])"
    r"|(?<![\w])(?P<n>n\d{0,3})%|(?<![\w])(?P<n2>n\d{1,3})(?![\w])"
    r"|_{3,}"
)
# Cheap tests that tell whether the placeholder pattern can match at all.
PLACEHOLDER_GATE = compile_pattern(r"[XN?<\[_]")
PLACEHOLDER_WORDS = gate("tbd", "tbc", "tba", "n/a", "x%", "(", "xac dinh")
MEANS = compile_pattern(
    WORD_START + r"(?:bang\s+cach|thong\s+qua|nho\s+(?:vao|viec|co)|voi\s+viec|qua\s+viec"
    r"|by\s+(?!the\s)[a-z]+ing|through|via|thanks\s+to|by\s+means\s+of)" + WORD_END
)
CLAUSE_END = compile_pattern(r"[,;]")
CADENCE = compile_pattern(
    # "/tháng" may touch its number or unit ("200/tháng", "50 tỷ đồng/tháng").
    r"/\s?(?P<u4>ngay|tuan|thang|quy|nam|day|week|month|quarter|year|mo|wk|yr)"
    + WORD_END
    + "|"
    + WORD_START
    + r"(?:(?:hang|moi)\s+(?P<u1>ngay|tuan|thang|quy|nam)"
    r"|(?P<u2>daily|weekly|monthly|quarterly|yearly|annually)"
    r"|(?:every|each|per|a)\s+(?:(?:calendar|business|fiscal|working|single|full)\s+)?"
    r"(?P<u3>day|week|month|quarter|year)"
    # "week over week", "MoM": each period against the one before, as the spec's cadence.
    r"|(?P<u5>week|month|quarter)[-\s](?:over|on)[-\s](?:week|month|quarter)"
    r"|(?P<u6>wow|mom|qoq|w/w|m/m|q/q))" + WORD_END
)
PERIOD = {
    "ngay": Period.DAY, "day": Period.DAY, "daily": Period.DAY,
    "tuan": Period.WEEK, "week": Period.WEEK, "weekly": Period.WEEK, "wk": Period.WEEK,
    "thang": Period.MONTH, "month": Period.MONTH, "monthly": Period.MONTH, "mo": Period.MONTH,
    "quy": Period.QUARTER, "quarter": Period.QUARTER, "quarterly": Period.QUARTER,
    "nam": Period.YEAR, "year": Period.YEAR, "yearly": Period.YEAR, "annually": Period.YEAR,
    "yr": Period.YEAR, "wow": Period.WEEK, "w/w": Period.WEEK, "mom": Period.MONTH,
    "m/m": Period.MONTH, "qoq": Period.QUARTER, "q/q": Period.QUARTER,
}  # fmt: skip
MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# "over"/"than"/"against" name a base only before a past period ("over last year", "over
# June"); "over the next 3 months" is a span, so the lookahead is narrow on purpose.
BASE_WORD = compile_pattern(
    WORD_START + r"(?:so\s+voi|compared\s+(?:to|with)|vs\.?|versus|relative\s+to"
    r"|(?:over|(?<!later\s)(?<!sooner\s)than|against)(?=\s+(?:last|the\s+(?:previous|prior|same|last)|previous|prior"
    r"|(?:" + MONTH_WORDS + r")\b|q[1-4]\b|h[12]\b|fy|20\d\d\b(?!\s*[-–—]\s*(?:20)?\d\d))))"
    r"(?:\s+(?:cung\s+ky|the\s+same\s+period(?:\s+of)?|muc\s+cua|ky))?" + r"(?![\w-])\s*"
)
BASE_ENDS = frozenset(
    [
        "by",
        "before",
        "until",
        "in",
        "within",
        "during",
        "trong",
        "vao",
        "truoc",
        "den",
        "toi",
        "cho",
        "bang",
        "nham",
        "de",
    ]
)
BASE_FILLER = compile_pattern(r"(?:(?:last|the|previous|prior|same|this)\s+)+")
# Against the same period a year before ("YoY", "cùng kỳ") names a base; "MoM", "QoQ" and
# "week over week" compare each period with the one before, a cadence (see CADENCE).
BASE_ALONE = compile_pattern(
    WORD_START + r"(?:yoy|y/y|year[-\s](?:over|on)[-\s]year(?!\s+basis)"
    r"|cung\s+ky(?:\s+nam\s+(?:ngoai|truoc))?)" + WORD_END
)
VERB = compile_pattern(
    WORD_START
    # "nhân đôi", "x2 doanh thu", "2x revenue" and "double" are verbs that carry their factor.
    + r"(?:(?P<inc>gia\s+tang|nhan\s+(?:doi|ba|bon)|[x×]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?[x×]"
    # "tốc độ tăng trưởng" (growth rate) is a noun: its verb comes later ("… đạt trên 8%").
    # A look-behind stands after the first letter, so the engine skips the word by that letter.
    r"|t(?<!toc\sdo\st)ang(?:\s+truong)?|n(?<!tinh\sn)(?<!kha\sn)ang(?!\s+(?:luc|suat|luong|dong|dong))(?:\s+cao)?|day\s+manh|mo\s+rong|them"
    r"|increas(?:e|es|ed|ing)|grow(?:s|n|ing)?|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?"
    r"|lift|expand|extend(?:s|ed|ing)?|lengthen|keo\s+dai"
    r"|add(?:s|ed|ing)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)"
    r"|quadrupl(?:e|es|ed|ing)|accelerate)"
    r"|(?P<dec>keo\s+(?:giam|xuong)|cat\s+giam|giam|cat|ha(?:\s+thap)?|rut\s+ngan|reduc(?:e|es|ed|ing)"
    r"|cut(?:s|ting)?|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|shrink|halv(?:e|es|ed|ing)"
    r"|minimi[sz]e|slash|drop|shorten)"
    # "đẩy doanh thu lên 3 tỷ": "đẩy" counts only with its "lên" ("đẩy mạnh" is above).
    r"|(?P<reach>keo(?:\s+(?:len|tang))?|dua(?!\s+(?:vao|tren|ra))|day(?=(?:\s+[a-z]+){1,6}?\s+len\b)"
    r"|bring|push|drive|take(?=(?:\s+\S+){1,6}?\s+to\b)|move(?=(?:\s+\S+){1,6}?\s+from\b)"
    # "có ít nhất 300 khách hàng", "have at least 300 customers": having a count is a level.
    r"|co(?:\s+(?:it\s+nhat|toi\s+thieu|tren))?(?=\s+\d)"
    r"|have(?:\s+(?:at\s+least|over|more\s+than))?(?=\s+\$?\d)"
    r"|d(?<!cai\sd)at(?:\s+duoc)?|reach(?:es|ed|ing)?|hit|achieve|attain|get\s+to)"
    # Holding a level is a bound said with a verb: "duy trì 99,9%", "keep uptime above 99.9%".
    r"|(?P<hold>duy\s+tri|giu(?:\s+vung|\s+muc|\s+on\s+dinh)?|keep|maintain|sustain|preserve"
    r"|hold(?!\s+(?:at\s+least\s+)?\d))"
    # "còn" is a change verb: "tỷ lệ hộ nghèo còn 0,43%" (down to).
    r"|(?P<con>con(?=\s+(?:duoi\s+|khoang\s+|khong\s+qua\s+)?\d))"
    r"|(?P<imp>cai\s+thien|improv(?:e|es|ed|ing)|optimi[sz]e|toi\s+uu|enhance)"
    r"|(?P<prod>tuyen(?:\s+(?:dung|sinh))?|dang|ky(?:\s+ket)?|ra\s+mat|xuat\s+ban|to\s+chuc"
    r"|phat\s+hanh|khai\s+truong|mo(?:\s+moi)?|viet|san\s+xuat|chay|hop\s+tac|trien\s+khai"
    r"|hire|recruit|publish|launch|open|sign|partner|roll\s+out|deploy|implement"
    r"|close|onboard|ship|release|host|run|organi[sz]e|write|create|produce|plant|hold"
    r"|eliminate|remove|retire|decommission|sunset|automate|translate|digiti[sz]e|upgrade|replace)"
    # Counting what happens within the goal's period starts from zero when a count follows
    # ("bán được 500 sản phẩm", "generate 200 leads"); with a percent it reaches a level
    # ("thu hồi 80% công nợ").
    r"|(?P<evt>ban(?:\s+duoc)?|chot|huy\s+dong|thu\s+(?:hoi|ve|duoc|hut)|ho\s+tro|sell|assign|provide"
    r"|cover|generate|collect|secure|acquire"
    r"|get|gain|earn|win|goi(?:\s+dien)?|cham\s+soc|lien\s+he|phuc\s+vu|dao\s+tao|giai\s+ngan"
    r"|giao\s+hang|hoan\s+thanh|xu\s+ly|giai\s+quyet|thuc\s+hien|gui|lap\s+dat|xay\s+dung"
    r"|tiep\s+can|call|contact|visit|serve|train|disburse|deliver|complete|process|resolve"
    r"|handle|answer|conduct|send|install|build|interview|audit|inspect|distribute|approve"
    r"|book|schedule|migrate|certify|enrol|enroll|register))"
    # "books", "closes", "publishes": a standard stated in the present tense.
    r"(?:s|es)?" + WORD_END
)
# VERB's alternatives gathered under their first letter: finds the same verbs in half the
# time; VERB matched at a found verb says its kind.
VERB_SCAN = by_first_letter(VERB, WORD_START)
# Words that may sit between a production verb and its count: "hire at least 3", and an
# object then "with" or "for" ("ký hợp đồng với 2 nhà phân phối", "hợp tác với 6 KOL",
# "partner with 5", "hỗ trợ sinh kế cho 500 hộ"), or "mới" ("tuyển mới 15 kỹ thuật viên").
PROD_GAP = compile_pattern(
    r"\s*(?:(?:[a-z]+\s+){0,3}?(?:voi|with|cho)\s+|(?:in|into|across|at|tai)\s+)?"
    r"(?:(?:them|moi|toi\s+thieu|it\s+nhat|at\s+least|another|them\s+nua)\s*)?"
)
STOP = compile_pattern(
    WORD_START + r"(?:len|xuong|them|dat|so\s+voi|by|to|from|vs|versus|compared|in|within|before"
    r"|until|during|over|trong|vao|truoc|gap|with|voi|cho\s+den|den|toi|for|at|tu(?=\s+[\d$]|\s\s)"
    r"|reaching|every|each|per|(?:hang|moi)(?=\s+(?:ngay|tuan|thang|quy|nam))"
    # A comparator ends the metric: "NPS above 50", "tỷ lệ hài lòng trên 90%".
    r"|(?:above|below|under|at\s+(?:least|most|or\s+\w+)|no\s+more\s+than|tren|duoi|toi\s+thieu|toi\s+da"
    r"|it\s+nhat|khong\s+(?:qua|duoi|vuot\s+qua|thap\s+hon|cao\s+hon))(?=\s*(?:muc\s+)?[$\d])"
    r"|(?:up|down)(?=\s+(?:from|to|by|below|under)\b))"
    + WORD_END
    + r"|[,;:()!?≥≤<>]|\.(?!\d)|->|→|=>"
)
FROM = compile_pattern(r"(?<![\w])(?:tu|from|tu\s+muc|from\s+a\s+baseline\s+of)\s*$")
# A baseline said after the target ("lên 1,5 tỷ, hiện tại 1,2 tỷ", "to $1.5M, up from $1.2M").
# A bare "từ"/"from" there may name a source ("lên 2 tỷ từ 3 kênh"), so it needs a baseline
# of the target's kind and size; the other marks say "the current value" outright.
NOW_MARK = Lazy(
    r"(?<![\w])(?:hien\s+(?:tai|nay|dang)(?:\s+(?:la|o\s+muc|dang\s+la|dat))?|tu\s+muc"
    r"|(?:up|down)\s+from|currently(?:\s+at)?|from\s+a\s+baseline\s+of|baseline(?:\s+of)?"
    r"|from\s+today'?s?)\s*:?\s*$"
)
BARE_FROM = Lazy(r"(?<![\w])(?:tu|from)\s*$")
CONNECT = compile_pattern(
    r"(?:(?:[a-z]+\s+){0,2}?(?:len(?:\s+(?:den|toi|muc))?|xuong(?:\s+(?:con|den|muc))?|den|toi"
    r"|to|con)|(?:[a-z]+\s*){0,2}?(?:->|→|=>|–|-))"
    # "from 1 to at least 3", "từ 5% xuống còn tối đa 3%"
    r"(?:\s+(?:at\s+least|at\s+most|no\s+more\s+than|it\s+nhat|toi\s+thieu|toi\s+da))?"
)
ARROW = compile_pattern(r"(?:[a-z]+\s*){0,2}?(?:->|→|=>)")
LEVEL_MARK = compile_pattern(
    r"(?<![\w])(?:len|xuong|con|dat(?:\s+duoc)?|to|reach(?:es|ed|ing)?|at|toi|den|muc|duoi|tren"
    r"|below|under|above|at\s+least|it\s+nhat|toi\s+thieu|so\s+luong|khoang"
    r"|no\s+more\s+than|at\s+most|fewer\s+than|less\s+than|toi\s+da|khong\s+(?:vuot\s+)?qua)\s*$"
)
# A percent change said beside a level ("đạt 10 tỷ, tăng 25% so với năm 2026") implies the
# level it started from.
REL_MARK = Lazy(
    r"(?<![\w])(?:(?P<up>tang|up|increase|grow(?:th)?|\+)|(?P<down>giam|down|decrease|-))\s*(?:them\s*)?$"
)
DELTA_MARK = Lazy(r"(?<![\w])(?:them|add(?:s|ed|ing)?|by|plus|another)\s*$")
RATE = compile_pattern(
    r"ty le|ti le|ty so|ty suat|toc do tang|ratio|bien loi nhuan|thi phan|rate|conversion(?!s)|churn|bounce|margin|ctr"
    r"|retention|share|ty trong|engagement|percentage|coverage|uptime|availability|adoption"
    r"|utili[sz]ation|dau/mau|ty le bao phu"
)
END_CTX = compile_pattern(r"(?<![\w])(?:cuoi|het|end\s+of(?:\s+the)?)\s*$")
POINT_CTX = compile_pattern(
    r"(?<![\w])(?:truoc(?:\s+ngay)?|by|before|until|till|den(?:\s+het)?(?:\s+ngay)?|toi|no\s+later\s+than"
    r"|deadline:?|han\s+chot:?|on)\s*$"
)
BEFORE_CTX = Lazy(r"(?<![\w])(?:truoc|before|prior\s+to)\s*$")
IN_CTX = compile_pattern(r"(?<![\w])(?:trong(?:\s+vong)?|vao|in|during|within|for|over|o)\s*$")
START_CTX = compile_pattern(
    r"(?<![\w])(?:tu|from|starting(?:\s+(?:from|in|on))?|beginning(?:\s+(?:in|on))?|bat\s+dau(?:\s+tu)?"
    r"|ke\s+tu|since)\s*$"
)
LETTER = compile_pattern(r"[a-z]")
# "Reach $1M in annual recurring revenue": the metric follows the amount after "in"/"of".
LEAD_IN = compile_pattern(r"\s*(?:in|of|cua|ve)\s+")

RATING = compile_pattern(r"\s*-?\s*(?:sao|stars?)" + WORD_END)

ARROW_BEFORE = Lazy(r"(?:->|→|=>)\s*$")

# Nouns a small whole number names a kind after ("đại lý cấp 1", "Quận 7", "giai đoạn 2",
# "tier 1 customers", "phase 2"): the number is part of the metric's name, not an amount.
LABEL_NOUN = compile_pattern(
    # "quận 7", but not "bình quân 7 tấn" (on average) or "liên quan", "hải quan"
    WORD_START + r"(?:cap|loai|giai\s+doan|(?<!binh\s)(?<!lien\s)(?<!tuong\s)(?<!hai\s)quan|phuong"
    r"|khu\s+vuc|vung|mien|chi\s+nhanh\s+so"
    r"|tier|phase|stage|level|grade|district|region|zone|wave|gen|version|ward)\s*#?\s*$"
)

# A list number or bullet typed before the goal ("2. Nâng cao …", "1) Grow …", "• Tăng …").
BULLET = compile_pattern(r"\s*(?P<b>\d{1,2}[.)]|[-–•*])\s+(?=[^\W\d_])")

# A goal written as "<metric>: <numbers>" or "<metric> ≥ 40%" with no verb, the way
# dashboards and OKR sheets do.
LABEL = compile_pattern(
    r"\s*(?P<m>[a-z][^:\d\n≥≤<>=]{0,60}?)\s*(?::|≥|>=|≤|<=|>|<)\s*(?=[-+$]?\s?\d)"
)
# A KPI row's label ends with a colon before its level, even when a comparator word opens the
# level ("Thời gian xử lý hồ sơ: không quá 3 ngày", "Churn — target: at or below 2%").
KPI_LABEL = Lazy(
    r"\s*(?P<m>[a-z][^:\n≥≤<>=—–]{0,80}?)\s*(?::|\s[—–]\s*(?:(?:target|goal|chi\s+tieu|muc\s+tieu|ke\s+hoach)\s*:?)?)"
    r"\s*(?=[-+$≥≤<>]?\s?\d|(?:at\s|no\s|not\s|under|below"
    r"|above|over|more|less|fewer|up\s+to|max|min|within|tren|duoi|toi\s|it\s+nhat|khong|tu\s+\S+\s+tro|dat\s)"
    r")"
)

# A count of things that are new ("5 tỉnh mới", "3 new markets"): made within the goal's
# period, so counted from zero.  "mỗi" folds like "mới"; followed by a period it is "each".
NEW_THINGS = Lazy(
    r"(?:\s+[a-z]+){1,3}?\s+moi(?![\w])(?!\s+(?:ngay|tuan|thang|quy|nam))|\s+new(?![\w])"
)

MORE = Lazy(r"\s+(?:(?P<more>more|nhieu\s+hon)|(?P<less>fewer|less|it\s+hon))(?![\w])")

# Substrings without which a pattern cannot match: checking them first is much cheaper
# than running the pattern over a sentence that cannot contain it.
GATES: dict[re.Pattern[str], Gate] = {
    CADENCE: gate("hang", "moi", "daily", "weekly", "monthly", "quarterly", "yearly", "annually",
                  "every", "each", "per", "a day", "a week", "a month", "a quarter", "a year", "/",
                  "over", "on", "wow", "mom", "qoq"),
    MEANS: gate("bang cach", "thong qua", "nho", "voi viec", "qua viec", "by", "through", "via",
                "thanks"),
    BASE_WORD: gate("so voi", "compared", "vs", "versus", "relative", "over", "than", "against"),
    BASE_ALONE: gate("yoy", "y/y", "over", "on", "cung ky"),
}  # fmt: skip


# ---------------------------------------------------------------- bounds and standards
# A comparator right before a level ("≥ 99.95%", "at least 40", "dưới 3%", "không quá 3 ngày").
_GE = (
    r"≥|>=|=>|at\s+or\s+(?:above|over|more)|at\s+least|no\s+(?:less|fewer|lower)\s+than|not\s+(?:less|fewer|lower)\s+than"
    r"|minimum(?:\s+of)?|min\.?|a\s+minimum\s+of|toi\s+thieu(?:\s+la)?|it\s+nhat(?:\s+la)?"
    r"|khong\s+(?:duoi|thap\s+hon|it\s+hon|nho\s+hon|kem\s+hon)"
)
_GT = (
    r">|more\s+than|greater\s+than|higher\s+than|better\s+than|above|over|exceeding|in\s+excess\s+of"
    r"|tren|hon|lon\s+hon|cao\s+hon|nhieu\s+hon|vuot"
)
_LE = (
    r"≤|<=|=<|at\s+or\s+(?:below|under|less)|at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+(?:higher|greater|longer)\s+than"
    r"|up\s+to|maximum(?:\s+of)?|max\.?|a\s+maximum\s+of|not\s+(?:to\s+)?exceed(?:ing)?"
    r"|toi\s+da(?:\s+la)?|khong\s+(?:qua|vuot\s+qua|cao\s+hon|nhieu\s+hon|lon\s+hon|dai\s+hon)"
    r"|within|trong\s+vong"
)
_LT = r"<|less\s+than|fewer\s+than|lower\s+than|shorter\s+than|under|below|duoi|thap\s+hon|it\s+hon|nho\s+hon"
COMPARATOR_BEFORE = compile_pattern(
    r"(?<![\w<>=≥≤])(?:(?P<ge>"
    + _GE
    + r")|(?P<le>"
    + _LE
    + r")|(?P<lt>"
    + _LT
    + r")|(?P<gt>"
    + _GT
    + r"))"
    r"(?:\s+(?:muc|khoang|approximately|about|around))?\s*[:=]?\s*[$]?$"
)
# A comparator right after a level ("4 hours or less", "95+", "10% trở lên").
COMPARATOR_AFTER = compile_pattern(
    r"(?:\s*%|\s+[a-z]+(?:\s+[a-z]+)?(?=\s+(?:or|and|tro)\s))?"
    r"\s*(?:(?P<ge>\+(?![\w\d])|or\s+(?:more|higher|above|greater|better|longer)|and\s+(?:above|up|higher)"
    r"|tro\s+len|tro\s+lai)|(?P<le>or\s+(?:less|fewer|lower|below|under|shorter|sooner)|and\s+below"
    r"|tro\s+xuong))(?![\w])"
)
# Verbs that, with a comparator, state a bound ("đạt trên 90%", "achieve > 99.95%", "have at
# least 300"); without one they ask for a change ("đạt 10.000 lượt tải" needs the current level).
BOUND_REACH = compile_pattern(
    r"(?:dat(?:\s+duoc)?|reach(?:es|ed|ing)?|hit|achieve|attain|get\s+to|co(?:\s+\S+)?|have(?:\s+\S+)?)$"
)
# The verb of a state between a metric and its level: "p95 latency is under 300 ms",
# "Average time to respond is 3 minutes", "Tỷ lệ … là 95%", "… ở mức 98%".
COPULA = compile_pattern(
    WORD_START + r"(?:is|are|stays?|remains?|should\s+be|must\s+be|will\s+be|to\s+be|be|la|o\s+muc"
    r"|duoc\s+duy\s+tri\s+o\s+muc|luon)" + WORD_END + r"\s*$"
)
# Words around a KPI row's level that are not the metric: "— target:", "chỉ tiêu", "mục tiêu".
KPI_WORDS = Lazy(
    r"(?:\s*(?:[-–—:]\s*)?(?:target|goal|objective|kpi|chi\s+tieu|muc\s+tieu|ke\s+hoach|plan)\s*)+$"
    r"|^(?:chi\s+tieu|muc\s+tieu|kpi|target)\s+"
)
# Purpose clauses set no target: "nhằm …", "để …", "góp phần …", "in order to …", "so that …".
PURPOSE = Lazy(
    WORD_START
    + r"(?:nham(?:\s+muc\s+dich)?|de(?=\s+(?:tang|giam|dat|nang|dam\s+bao|phuc\s+vu|ho\s+tro|dap\s+ung|huong|tao|giu|keo|dua|mo|phat))"
    r"|gop\s+phan|huong\s+toi|in\s+order\s+to|so\s+that|so\s+as\s+to|aimed\s+at|contributing\s+to)"
    + WORD_END
)
# A period after a bound's level makes it recur: "≥ 99.95% every month", "on a weekly basis".
BASIS = Lazy(
    WORD_START
    + r"on\s+an?\s+(?P<u>daily|weekly|monthly|quarterly|yearly|annual|year[-\s]over[-\s]year)\s+basis"
)
ROLLING = Lazy(
    WORD_START
    + r"(?:rolling|trailing|over\s+(?:the|any)\s+(?:last|past)|in\s+any)\s+(?P<n>\d{1,3})[-\s]"
    r"(?P<u>days?|weeks?|months?)"
)
# An average per period: "bình quân 7%/năm", "an average of 5% growth a year", "CAGR 12%".
AVERAGE = Lazy(
    WORD_START
    + r"(?:binh\s+quan|trung\s+binh|average|avg\.?|on\s+average|cagr|compound\s+annual)"
    + WORD_END
)
# Duration units that make "within N" a service level, never a deadline.
SLA_UNIT = Lazy(
    r"\s*(?:business|working|calendar)\s+days?|\s*ngay\s+lam\s+viec|\s*(?:gio|hours?|hrs?|h|phut|minutes?|mins?)(?![\w])"
)
SLA_VERB = Lazy(
    WORD_START
    + r"(?:respond|reply|answer|resolve|fix|process|handle|acknowledge|triage|close|ship|deliver"
    r"|review|approve|pay|refund|phan\s+hoi|tra\s+loi|xu\s+ly|giai\s+quyet|khac\s+phuc|giao(?:\s+hang)?"
    r"|hoan\s+tien|duyet|tiep\s+nhan)\w*" + WORD_END
)

# ---------------------------------------------------------------- labels and markup
# Markup read past, blanked so positions stay exact: **bold**, `code`, [text](url), <sub>.
MARKUP = Lazy(
    r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`"
    r"|\]\([^()\s]{0,300}\)|\[(?=[^\[\]\n]{1,200}\]\()"
    r"|<(?P<script>sub|sup)>[^<>\n]{0,12}</(?P=script)>"  # "CO<sub>2</sub>": part of a name
    r"|</?(?:sub|sup|b|i|u|s|em|strong|small|mark|del|ins|code|span|br|p|div|li|a)(?:\s[^<>\n]{0,200})?/?>"
)
# A label before the goal: "KR:", "KR2.", "O1 -", "Objective 3:", "Mục tiêu 1:", "[P1]", "CEO:".
LEAD_LABEL = Lazy(
    r"\s*(?:[-–•*+]\s+)?(?:\[[ x]\]\s+)?"
    r"(?P<l>(?:\[(?:p\d|kr[\s.]?\d*(?:\.\d+)?|o\d+|(?:goal|objective|muc\s+tieu|kpi|okr|target)\s*\d*)\]\s*)+"
    r"|(?:kr|okr|o|obj|objective|key\s+result|goal|target|kq|ket\s+qua(?:\s+then\s+chot)?|muc\s+tieu|kpi)"
    r"\s*#?\s*\d*(?:\.\d+)*\s*(?::|\.(?!\d)|\)|\s[-–—]|[-–—])\s*"
    r"|p[0-4]\s*[:\-–—]\s*)"
)
# A name before a colon that is a label when a verb follows it ("CEO: Grow …", "Marketing: Tăng …").
NAME_COLON = Lazy(r"\s*(?P<l>(?P<n>[^\W\d][^\W\d&/.]*(?:[\s&/.]+[^\W\d]+){0,2})\s*:\s+)")

# A number inside the name of a standard or version ("WCAG 2.2", "ISO 27001", "SOC 2",
# "HTTP/3", "Python 3.12"): not a quantity.
STANDARD_NAME = Lazy(
    WORD_START + r"(?:wcag|iso(?:/iec)?|iec|soc|pci(?:\s+dss)?|tls|ssl|http/?|ipv|python|java|php"
    r"|android|ios|windows|cmmi|nist(?:\s+csf)?|owasp(?:\s+top)?|gmp|haccp|vietgap|globalgap|euro"
    r"|tcvn|qcvn|hipaa)\s?$"
)
# The last word of each name above: a number is looked at only after one of them.
STANDARD_WORDS = frozenset(
    (
        "wcag",
        "iso",
        "iso/iec",
        "iec",
        "soc",
        "pci",
        "dss",
        "tls",
        "ssl",
        "http",
        "http/",
        "ipv",
        "python",
        "java",
        "php",
        "android",
        "ios",
        "windows",
        "cmmi",
        "nist",
        "csf",
        "owasp",
        "top",
        "gmp",
        "haccp",
        "vietgap",
        "globalgap",
        "euro",
        "tcvn",
        "qcvn",
        "hipaa",
    )
)
# Words that make a label before a colon a place, a unit or an owner, not a metric
# ("Southern region: 12.5%", "Chi nhánh Hà Nội: 15%").
PLACE_LABEL = Lazy(
    WORD_START
    + r"(?:region|area|district|province|state|city|country|county|ward|precinct|zone|campus"
    r"|branch|office|store|site|team"
    r"|department|division|khu\s+vuc|thanh\s+pho|huyen|chi\s+nhanh|cua\s+hang|nha\s+may"
    r"|cong\s+ty|don\s+vi)" + WORD_END
)

# Substrings one of which a comparator needs; checked before the comparator patterns run.
# Words one of which a comparator holds ("at least" holds "least"), the phrases whose words
# are too common to stand alone ("tối đa", "ít nhất", "không quá", "trở lên", "up to"), and
# the signs: a goal with none of them holds no comparator, and its patterns are not run.
COMPARATOR_WORDS = frozenset(
    (
        "least",
        "most",
        "more",
        "less",
        "fewer",
        "than",
        "minimum",
        "maximum",
        "min",
        "max",
        "exceed",
        "exceeding",
        "within",
        "above",
        "over",
        "under",
        "below",
        "greater",
        "higher",
        "lower",
        "shorter",
        "better",
        "tren",
        "duoi",
        "thieu",
        "hon",
        "vuot",
        "vong",
    )
)
COMPARATOR_PHRASES = ("toi da", "it nhat", "khong qua", "tro len", "tro xuong", "up to")
COMPARATOR_SIGNS = compile_pattern(r"[≥≤<>=+]")
PURPOSE_GATE = gate("nham", "de", "gop phan", "huong toi", "order", "so that", "so as", "aimed",
                "contributing")  # fmt: skip

# The last word of a level or from marker (LEVEL_MARK, FROM, comparators, arrows): a
# four-digit number after one of them is an amount ("lên 2025 khách"), elsewhere a year in a
# name ("Summit 2027", "the 2027 plan").
AMOUNT_BEFORE = frozenset(
    (
        "len",
        "xuong",
        "con",
        "dat",
        "duoc",
        "to",
        "reach",
        "reaches",
        "reached",
        "reaching",
        "at",
        "toi",
        "den",
        "muc",
        "duoi",
        "tren",
        "below",
        "under",
        "above",
        "least",
        "nhat",
        "thieu",
        "luong",
        "khoang",
        "than",
        "most",
        "da",
        "qua",
        "tu",
        "from",
        "of",
        "hon",
        "vuot",
        "within",
        "vong",
        "max",
        "min",
        "maximum",
        "minimum",
        "exceed",
        "->",
        "→",
        "=>",
        "≥",
        "≤",
        ">",
        "<",
        "=",
        ">=",
        "<=",
        "+",
        "-",
        "x",
    )
)
