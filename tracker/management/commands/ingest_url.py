from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tracker.management.commands._ingest_output import describe_article, run_inline
from tracker.services import article_submit_url


class Command(BaseCommand):
    help = "Fetch and analyse one article URL now (or --queue it for the workers)."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument(
            "--queue", action="store_true", help="Queue for Celery workers instead of running here"
        )

    def handle(self, *args, url, queue, **options):
        if not queue:
            run_inline()
        try:
            article = article_submit_url(url=url)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(describe_article(article))
