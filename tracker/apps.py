from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "News tracker"

    def ready(self) -> None:
        from tracker.indexes import connect_signals

        connect_signals()
