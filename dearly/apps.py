from django.apps import AppConfig


class DearlyConfig(AppConfig):
    name = "dearly"
    verbose_name = "Dearly site"

    def ready(self) -> None:
        from dearly.security import add_nonce_to_chooser_scripts

        add_nonce_to_chooser_scripts()
