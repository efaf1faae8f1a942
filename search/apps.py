from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search and tags")

    def ready(self):
        from django.db.models.signals import post_migrate

        from search import dictionary, signals

        signals.connect()
        post_migrate.connect(
            dictionary.install_after_migrate, sender=self, dispatch_uid="search-dictionary"
        )
