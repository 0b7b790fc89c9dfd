"""Score the extraction engine against annotated articles (dev set or a held-out set in its format).

    .venv/bin/python bench/extraction_eval.py [--dir /work/shared/dev-articles] [--verbose]

Members come straight from the congress-legislators YAML (current + departed since 2012), built
into `MemberRecord`s here, so no database is needed. Predicted letters are paired with gold
letters one to one by evidence overlap (then recipients and date); letter precision/recall/F1
count the pairs, field accuracy is measured over the pairs, member P/R/F1 over bioguide sets.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from members.name_index import MemberRecord, NameIndex, TermRecord  # noqa: E402
from tracker.extraction import analyse_article  # noqa: E402
from tracker.extraction.linking import recipient_key  # noqa: E402

DEFAULT_DIR = Path("/work/shared/dev-articles")
DEFAULT_DATA = Path("/work/shared/data/congress-legislators")
FIELDS = (
    "sent_on",
    "chamber",
    "recipients",
    "leads",
    "signers",
    "party_counts",
    "total_signers",
    "counts_are_minimum",
)
_PARTIES = {"Democrat": "D", "Republican": "R", "Independent": "I", "Libertarian": "L"}


def _day(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _party(name: str | None) -> str:
    return _PARTIES.get(name or "", "O") if name else ""


def _terms(entry: dict) -> tuple[TermRecord, ...]:
    terms: list[TermRecord] = []
    for term in entry.get("terms", ()):
        chamber = "house" if term.get("type") == "rep" else "senate"
        pieces = term.get("party_affiliations") or [
            {"start": term.get("start"), "end": term.get("end"), "party": term.get("party")}
        ]
        for piece in pieces:
            terms.append(
                TermRecord(
                    chamber=chamber,
                    state=term.get("state", ""),
                    district=term.get("district"),
                    party=_party(piece.get("party")),
                    caucus=_party(term.get("caucus")) if term.get("caucus") else "",
                    start=_day(piece.get("start")),
                    end=_day(piece.get("end")),
                )
            )
    return tuple(terms)


def load_member_records(data_dir: Path = DEFAULT_DATA) -> list[MemberRecord]:
    """Every member since 2012 with dated terms, from the congress-legislators YAML files."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    records: dict[str, MemberRecord] = {}
    for file_name in ("legislators-departed-since-2012.yaml", "legislators-current.yaml"):
        with open(data_dir / file_name, encoding="utf-8") as handle:
            entries = yaml.load(handle, Loader=loader)  # noqa: S506 - CSafeLoader/SafeLoader only
        for entry in entries:
            name = entry["name"]
            others = tuple(
                other["last"]
                for other in entry.get("other_names", ()) or ()
                if isinstance(other, dict) and other.get("last")
            )
            records[entry["id"]["bioguide"]] = MemberRecord(
                bioguide=entry["id"]["bioguide"],
                first=name.get("first", ""),
                middle=name.get("middle", "") or "",
                last=name.get("last", ""),
                suffix=name.get("suffix", "") or "",
                nickname=name.get("nickname", "") or "",
                official_full=name.get("official_full", "") or "",
                terms=_terms(entry),
                other_names=others,
            )
    return list(records.values())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span(text: str, evidence: str) -> tuple[int, int]:
    start = text.find(evidence)
    return (start, start + len(evidence)) if start >= 0 else (-1, -1)


def _pair(text: str, predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one pairing by evidence overlap, then by shared recipients and date."""
    scores = []
    for p_index, pred in enumerate(predicted):
        p_span = _span(text, pred["evidence"])
        for g_index, want in enumerate(gold):
            g_span = _span(text, want["evidence"])
            score = 0.0
            if _overlap(p_span, g_span) > 0:
                score += 2.0
            elif p_span[0] >= 0 and g_span[0] >= 0 and abs(p_span[0] - g_span[0]) < 300:
                score += 0.5
            p_keys = {recipient_key(r) for r in pred["recipients"]}
            g_keys = {recipient_key(r) for r in want["recipients"]}
            if p_keys & g_keys:
                score += 0.5
            if pred["sent_on"] and pred["sent_on"] == want["sent_on"]:
                score += 0.5
            if {m["bioguide"] for m in pred["leads"] + pred["signers"]} & {
                m["bioguide"] for m in want["leads"] + want["signers"]
            }:
                score += 0.5
            if score >= 1.0:
                scores.append((score, p_index, g_index))
    scores.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p_index, g_index in scores:
        if p_index in used_p or g_index in used_g:
            continue
        used_p.add(p_index)
        used_g.add(g_index)
        pairs.append((predicted[p_index], gold[g_index]))
    return pairs


def _field_equal(name: str, pred: dict, want: dict) -> bool:
    if name in {"leads", "signers"}:
        return {m["bioguide"] for m in pred[name]} == {m["bioguide"] for m in want[name]}
    if name == "recipients":
        return {recipient_key(r) for r in pred[name]} == {recipient_key(r) for r in want[name]}
    if name == "party_counts":
        return {k: v for k, v in pred[name].items() if v} == {k: v for k, v in want[name].items() if v}
    return pred[name] == want[name]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(articles_dir: Path, index: NameIndex, *, verbose: bool = False) -> dict:
    gold_entries = {entry["id"]: entry for entry in json.loads((articles_dir / "gold.json").read_text())}
    letter_tp = letter_fp = letter_fn = 0
    member_tp = member_fp = member_fn = 0
    field_right = dict.fromkeys(FIELDS, 0)
    recipients_exact = 0
    pairs_total = 0
    elapsed = 0.0
    documents = 0
    for path in sorted(articles_dir.glob("*.json")):
        if path.name == "gold.json":
            continue
        document = json.loads(path.read_text())
        gold = gold_entries.get(document["id"])
        if gold is None:
            continue
        documents += 1
        text = document["text"]
        started = time.perf_counter()
        analysis = analyse_article(text, published=_day(document.get("published")), names=index)
        elapsed += time.perf_counter() - started
        predicted = [letter.as_dict() for letter in analysis.letters]
        for letter in predicted:
            assert letter["evidence"] in text, "evidence must be an exact substring"
        pairs = _pair(text, predicted, gold["letters"])
        letter_tp += len(pairs)
        letter_fp += len(predicted) - len(pairs)
        letter_fn += len(gold["letters"]) - len(pairs)
        pairs_total += len(pairs)
        for pred, want in pairs:
            for name in FIELDS:
                if _field_equal(name, pred, want):
                    field_right[name] += 1
                elif verbose:
                    print(f"  {document['id']} {name}: predicted {pred[name]!r} gold {want[name]!r}")
            if sorted(pred["recipients"]) == sorted(want["recipients"]):
                recipients_exact += 1
        predicted_members = {member.bioguide for member in analysis.members}
        gold_members = set(gold["members"])
        member_tp += len(predicted_members & gold_members)
        member_fp += len(predicted_members - gold_members)
        member_fn += len(gold_members - predicted_members)
        if verbose:
            paired = {id(p) for p, _ in pairs}
            for letter in predicted:
                if id(letter) not in paired:
                    print(f"  {document['id']} EXTRA letter: {letter['evidence'][:100]!r}")
            paired_gold = {id(g) for _, g in pairs}
            for letter in gold["letters"]:
                if id(letter) not in paired_gold:
                    print(f"  {document['id']} MISSED letter: {letter['evidence'][:100]!r}")
            if predicted_members != gold_members:
                print(
                    f"  {document['id']} members: extra {sorted(predicted_members - gold_members)} "
                    f"missing {sorted(gold_members - predicted_members)}"
                )
    return {
        "documents": documents,
        "letters": _prf(letter_tp, letter_fp, letter_fn),
        "letter_counts": (letter_tp, letter_fp, letter_fn),
        "members": _prf(member_tp, member_fp, member_fn),
        "member_counts": (member_tp, member_fp, member_fn),
        "fields": {name: (field_right[name], pairs_total) for name in FIELDS},
        "recipients_exact": (recipients_exact, pairs_total),
        "seconds": elapsed,
    }


def print_table(result: dict) -> None:
    print(f"documents: {result['documents']}   analysis time: {result['seconds'] * 1000:.1f} ms total")
    print(f"{'measure':<28}{'precision':>10}{'recall':>10}{'F1':>8}   tp/fp/fn")
    for key in ("letters", "members"):
        precision, recall, f1 = result[key]
        tp, fp, fn = result[f"{key[:-1]}_counts"]
        print(f"{key:<28}{precision:>10.3f}{recall:>10.3f}{f1:>8.3f}   {tp}/{fp}/{fn}")
    print(f"\n{'field (over paired letters)':<28}{'accuracy':>10}   right/paired")
    rows: Iterable[tuple[str, tuple[int, int]]] = [
        *result["fields"].items(),
        ("recipients (exact names)", result["recipients_exact"]),
    ]
    for name, (right, total) in rows:
        accuracy = right / total if total else 1.0
        print(f"{name:<28}{accuracy:>10.3f}   {right}/{total}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="articles + gold.json")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="congress-legislators YAML directory")
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    index = NameIndex(load_member_records(args.data))
    print(f"name index: {len(index)} members, built in {time.perf_counter() - started:.2f} s")
    print_table(evaluate(args.dir, index, verbose=args.verbose))


if __name__ == "__main__":
    main()
