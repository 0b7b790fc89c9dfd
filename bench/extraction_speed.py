"""Articles/s and MB/s of `analyse_article` with every member since 2012 indexed, vs a naive baseline.

    .venv/bin/python bench/extraction_speed.py [--articles 2000] [--baseline-articles 5]

The articles are generated here (about 6 KB each: political copy naming a dozen members, one or
two letter reports, quotes, dates). The baseline runs the same analysis, but finds names the
naive way: one compiled regex per name variant, looped over the text. Both run in this process,
on one core; times are this process's CPU time.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_eval import DEFAULT_DATA, load_member_records  # noqa: E402

from members.name_index import MemberRecord, NameHit, NameIndex  # noqa: E402
from members.names import name_variants  # noqa: E402
from tracker.extraction import analyse_article  # noqa: E402

_FILLER = (
    "The proposal drew sharp reactions on Capitol Hill, where negotiators have spent weeks trading offers "
    "over spending levels and policy riders. Aides said the talks could stretch into next month. ",
    "Officials at the agency did not respond to a request for comment on Tuesday. A spokesperson said the "
    "department was reviewing the matter and would respond through the appropriate channels. ",
    "Analysts noted that the measure faces long odds in the Senate, where sixty votes are needed to end "
    "debate, and that the White House has threatened a veto of the House version. ",
    "“We are not going to stand by while families pay more at the pharmacy counter,” one lawmaker said at "
    "a news conference, adding that hearings would begin in the spring. ",
    "The committee released a report last year detailing the program's costs, which have grown by nearly "
    "a third since 2019 according to the Government Accountability Office. ",
)
_LETTER = (
    "{count} House Democrats and {count2} House Republicans, led by Rep. {lead}, sent a letter on {day} "
    "to Secretary of State Antony Blinken urging him to expand humanitarian access. "
    "The letter was also signed by Reps. {s1} and {s2}. "
)
_SECOND = (
    "Separately, Sen. {sen} wrote to Federal Reserve Chair Jerome Powell on Monday asking for rate cuts. "
)
_MENTION = "Rep. {a} said the plan was unworkable, while {b} said the talks would continue. "


def _full_name(record: MemberRecord) -> str:
    return f"{record.nickname or record.first} {record.last}"


def make_articles(
    records: list[MemberRecord], count: int, *, seed: int = 7, letters: bool = True
) -> list[str]:
    """Synthetic ~6 KB articles: one letter report and a follow-up, a dozen members named, filler.

    With `letters=False`, political copy naming members but reporting no letter.
    """
    rng = random.Random(seed)
    house = [r for r in records if r.terms and r.terms[-1].chamber == "house"]
    senate = [r for r in records if r.terms and r.terms[-1].chamber == "senate"]
    articles = []
    numbers = ["Twenty", "Thirty", "Forty", "12", "15", "18"]
    for _ in range(count):
        lead, s1, s2 = rng.sample(house, 3)
        parts: list[str] = []
        if letters:
            parts.append(
                _LETTER.format(
                    count=rng.choice(numbers),
                    count2=rng.choice(["five", "six", "7"]),
                    lead=_full_name(lead),
                    day=rng.choice(["Sept. 10", "Monday", "Aug. 30"]),
                    s1=_full_name(s1),
                    s2=_full_name(s2),
                )
            )
            parts.append("\n\n")
        if letters and rng.random() < 0.5:
            parts.append(_SECOND.format(sen=_full_name(rng.choice(senate))))
        while sum(map(len, parts)) < 5800:
            if rng.random() < 0.3:
                a, b = rng.sample(house, 2)
                parts.append(_MENTION.format(a=_full_name(a), b=b.last))
            else:
                parts.append(rng.choice(_FILLER))
            if rng.random() < 0.3:
                parts.append("\n\n")
        if letters:
            parts.append(f"{lead.last}'s letter did not say how the aid would be paid for. ")
        articles.append("".join(parts)[:6200])
    return articles


class NaiveNameIndex:
    """The same lookups as NameIndex, but scan() loops over one compiled regex per name variant."""

    def __init__(self, index: NameIndex) -> None:
        self._index = index
        by_variant: dict[str, tuple[str, set[str]]] = {}
        for record in index.records():
            for variant in name_variants(
                first=record.first,
                middle=record.middle,
                last=record.last,
                suffix=record.suffix,
                nickname=record.nickname,
                official_full=record.official_full,
                other_names=record.other_names,
            ):
                by_variant.setdefault(variant, ("full", set()))[1].add(record.bioguide)
            by_variant.setdefault(record.last, ("last", set()))[1].add(record.bioguide)
        self.patterns = [
            (re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)"), kind, tuple(sorted(bioguides)))
            for variant, (kind, bioguides) in by_variant.items()
        ]

    def scan(self, text: str) -> list[NameHit]:
        found = []
        for pattern, kind, bioguides in self.patterns:
            for match in pattern.finditer(text):
                found.append(NameHit(match.start(), match.end(), match.group(), kind, bioguides))
        found.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
        kept: list[NameHit] = []
        for hit in found:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(hit)
        return kept

    def term_on(self, bioguide, on):
        return self._index.term_on(bioguide, on)

    def record(self, bioguide):
        return self._index.record(bioguide)


def _run(articles: list[str], names) -> float:
    from datetime import date

    published = date(2024, 9, 13)
    # CPU time of this process: the figure for "one core", steady on a busy machine.
    started = time.process_time()
    for text in articles:
        analyse_article(text, published=published, names=names)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--baseline-articles", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)

    records = load_member_records(args.data)
    started = time.perf_counter()
    index = NameIndex(records)
    build = time.perf_counter() - started
    articles = make_articles(records, args.articles)
    size_mb = sum(len(text.encode("utf-8")) for text in articles) / 1e6
    average_kb = size_mb * 1000 / len(articles)
    sample = analyse_article(articles[0], published=None, names=index)
    print(f"members indexed: {len(index)} (index built in {build:.2f} s)")
    print(f"articles: {len(articles)} x {average_kb:.1f} KB; first finds {len(sample.letters)} letters")

    _run(articles[:50], index)  # warm-up
    elapsed = _run(articles, index)
    rate = len(articles) / elapsed
    print(
        f"engine (automaton):  {rate:10.1f} articles/s  {size_mb / elapsed:8.3f} MB/s  (each reports letters)"
    )
    plain = make_articles(records, args.articles, seed=11, letters=False)
    plain_mb = sum(len(text.encode("utf-8")) for text in plain) / 1e6
    plain_elapsed = _run(plain, index)
    plain_rate = len(plain) / plain_elapsed
    print(
        f"engine, no letters:  {plain_rate:10.1f} articles/s  {plain_mb / plain_elapsed:8.3f} MB/s"
        "  (members named, no letter word)"
    )

    naive = NaiveNameIndex(index)
    baseline_articles = articles[: args.baseline_articles]
    baseline_mb = sum(len(text.encode("utf-8")) for text in baseline_articles) / 1e6
    baseline_elapsed = _run(baseline_articles, naive)
    baseline_rate = len(baseline_articles) / baseline_elapsed
    print(
        f"baseline ({len(naive.patterns)} regexes): {baseline_rate:8.2f} articles/s  "
        f"{baseline_mb / baseline_elapsed:8.4f} MB/s  (over {len(baseline_articles)} articles)"
    )
    print(f"speed-up: {rate / baseline_rate:.0f}x")


if __name__ == "__main__":
    main()
