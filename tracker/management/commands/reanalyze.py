import time
from datetime import date, datetime
from datetime import time as dtime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.models import AnalysisStatus, Article
from tracker.tasks import reanalyse_chunk


class Command(BaseCommand):
    help = "Analyse stored articles again (after members or letters changed), in Celery chunks."

    def add_arguments(self, parser):
        parser.add_argument("--since", help="Only articles published (or stored) on/after YYYY-MM-DD")
        parser.add_argument("--chunk", type=int, default=200)
        parser.add_argument(
            "--wait", action="store_true", help="Follow progress until every article is analysed"
        )
        parser.add_argument("--inline", action="store_true", help="Run here instead of on the workers")

    def handle(self, *args, since, chunk, wait, inline, **options):
        if inline:
            from tracker.management.commands._ingest_output import run_inline

            run_inline()
        articles = Article.objects.exclude(text="").exclude(analysis_status=AnalysisStatus.DUPLICATE)
        if since:
            try:
                day = date.fromisoformat(since)
            except ValueError as exc:
                raise CommandError("--since must be YYYY-MM-DD") from exc
            start = timezone.make_aware(datetime.combine(day, dtime.min))
            articles = articles.filter(published_at__gte=start) | articles.filter(
                published_at__isnull=True, created_at__gte=start
            )
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        total = len(ids)
        for offset in range(0, total, chunk):
            reanalyse_chunk.delay(ids[offset : offset + chunk])
            self.stdout.write(f"queued {min(offset + chunk, total)}/{total}")
        if not wait or not total:
            self.stdout.write(f"{total} article(s) queued for analysis")
            return
        while True:
            waiting = Article.objects.filter(
                pk__in=ids, analysis_status__in=[AnalysisStatus.PENDING, AnalysisStatus.RUNNING]
            ).count()
            self.stdout.write(f"analysed {total - waiting}/{total}")
            if not waiting:
                break
            time.sleep(2)
        failed = Article.objects.filter(pk__in=ids, analysis_status=AnalysisStatus.FAILED).count()
        self.stdout.write(f"done: {total - failed} analysed, {failed} failed")
