from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "programs"

    def ready(self):
        from programs.registrations import services  # noqa: F401 - connects its receivers
