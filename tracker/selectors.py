"""Reads for the news tracker (the review queue and its pickers)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from tracker.models import Mention, ProposalStatus, ProposedLetter, ReviewStatus


def letter_candidates_for_report(report: dict, *, limit: int = 25) -> list:
    """Tracked letters a proposed report might be about: closest sent dates first."""
    from letters.models import Letter

    letters = Letter.objects.order_by("-sent_on", "-pk")
    sent_on = report.get("sent_on")
    if sent_on:
        try:
            day = dt.date.fromisoformat(sent_on)
        except ValueError:
            day = None
        if day:
            window = Letter.objects.filter(
                sent_on__range=(day - dt.timedelta(days=45), day + dt.timedelta(days=45))
            ).order_by("sent_on", "pk")[: limit * 4]
            return sorted(window, key=lambda letter: abs((letter.sent_on - day).days))[:limit]
    return list(letters[:limit])


def mentions_pending_review() -> QuerySet[Mention]:
    return Mention.objects.filter(status=ReviewStatus.PENDING).select_related("article", "letter")


def proposals_pending_review() -> QuerySet[ProposedLetter]:
    return ProposedLetter.objects.filter(status=ProposalStatus.PENDING).select_related("article")
