from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "Letters"

    def ready(self):
        from letters import (  # noqa: F401
            data_rights,  # registers letters with privacy's export and erasure
            signals,  # connects the publish handler
        )
