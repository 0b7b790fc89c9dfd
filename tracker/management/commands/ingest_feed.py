from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tracker.management.commands._ingest_output import describe_article, run_inline
from tracker.models import Article
from tracker.services import source_create, source_poll


class Command(BaseCommand):
    help = "Poll one feed now (registering it as a source) and process its new articles."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--name", default="")
        parser.add_argument(
            "--queue", action="store_true", help="Queue for Celery workers instead of running here"
        )

    def handle(self, *args, url, name, queue, **options):
        if not queue:
            run_inline()
        try:
            source = source_create(url=url, name=name)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        outcome = source_poll(source_id=source.pk)
        if outcome.status == "failed":
            raise CommandError(f"source {source.pk}: {outcome.error}")
        self.stdout.write(f"source {source.pk}: {outcome.status}, {len(outcome.new_articles)} new article(s)")
        for article in Article.objects.filter(pk__in=outcome.new_articles):
            self.stdout.write(describe_article(article))
