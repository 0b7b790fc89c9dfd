"""Reads about who served when. Every question is asked "on a date".

The source dates a term from its first day to the day the next Congress starts, so a
member re-elected on 3 January has two terms that both contain that day; the one that
starts on it wins (it carries the new Congress's district and party).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from members.models import Member, Term


def _terms_covering(on: date) -> Q:
    # start IS NULL (historical, undated terms) never matches: start__lte is false on NULL.
    return Q(start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on))


def members_serving_on(on: date, *, chamber: str | None = None, state: str | None = None) -> QuerySet[Member]:
    """Members with a term covering ``on``, optionally in one chamber and/or state.

    chamber and state apply to the same covering term (a senator who used to be a
    representative is not "serving in the House" today). One row per member.
    """
    return Member.objects.serving_on(on, chamber=chamber, state=state)


def term_on(member: Member | int, on: date) -> Term | None:
    """The member's term covering ``on`` (the later-starting one when two touch that day)."""
    member_id = member.pk if isinstance(member, Member) else member
    return Term.objects.filter(_terms_covering(on), member_id=member_id).order_by("-start", "-id").first()


def party_on(member: Member | int, on: date) -> str | None:
    """The member's party code ('D', 'R', 'I', 'L', 'O') on ``on``, or None if not serving."""
    member_id = member.pk if isinstance(member, Member) else member
    return (
        Term.objects.filter(_terms_covering(on), member_id=member_id)
        .order_by("-start", "-id")
        .values_list("party", flat=True)
        .first()
    )


def covering_terms(on: date, *, chamber: str | None = None, state: str | None = None) -> QuerySet[Term]:
    """Terms covering ``on`` (for callers that need the term rows, e.g. party splits on a date)."""
    terms = Term.objects.filter(_terms_covering(on))
    if chamber:
        terms = terms.filter(chamber=chamber)
    if state:
        terms = terms.filter(state=state)
    return terms
