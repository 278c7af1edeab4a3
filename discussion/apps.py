from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "discussion"
    verbose_name = "Discussion"

    def ready(self):
        from discussion import data_rights  # noqa: F401  (registers with privacy's data rights)
