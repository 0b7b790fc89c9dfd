"""Shared output for the ingest commands: what an article turned into."""

from __future__ import annotations

from tracker.models import Article


def describe_article(article: Article) -> str:
    article.refresh_from_db()
    lines = [
        f"article {article.pk}: {article.title or article.canonical_url or '(pasted)'}",
        f"  fetch: {article.fetch_status}  analysis: {article.analysis_status}",
    ]
    if article.error:
        lines.append(f"  error: {article.error}")
    for mention in article.mentions.select_related("letter"):
        lines.append(
            f"  mention of letter {mention.letter_id} ({mention.letter}) confidence {mention.confidence:.2f}"
        )
    for proposal in article.proposed_letters.all():
        lines.append(f"  proposed letter {proposal.pk}: {proposal.evidence[:100]!r}")
    named = ", ".join(
        f"{m.member.bioguide}x{m.count}" for m in article.member_mentions.select_related("member")
    )
    if named:
        lines.append(f"  members named: {named}")
    return "\n".join(lines)


def run_inline() -> None:
    """Run queued tracker tasks in this process (the command's default: no worker needed)."""
    from config.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
