from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members of Congress"

    def ready(self) -> None:
        # API wiring owned by config/ (roles as groups after migrate; stats cache invalidation).
        from config import roles, stats_cache

        roles.connect()
        stats_cache.connect()
