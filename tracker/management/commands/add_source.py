from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tracker.models import SourceKind
from tracker.services import source_create


class Command(BaseCommand):
    help = "Register a feed (or a single page to watch) for the tracker to poll."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument("--name", default="")
        parser.add_argument("--kind", choices=SourceKind.values, default=SourceKind.FEED)
        parser.add_argument("--interval", type=int, default=15, help="Minutes between polls (default 15)")

    def handle(self, *args, url, name, kind, interval, **options):
        try:
            source = source_create(url=url, name=name, kind=kind, poll_interval=timedelta(minutes=interval))
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"source {source.pk}: {source.name} ({source.kind}, every {source.poll_interval})")
