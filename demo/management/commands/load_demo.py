from django.core.management.base import BaseCommand

from demo.loader import demo_accounts, has_content, load_demo, read_content


class Command(BaseCommand):
    help = "Load the original demo column and create the demo accounts, then print the logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Load nothing when answers exist already."
        )

    def handle(self, *args, if_empty: bool = False, **options):
        content = read_content()
        if if_empty and has_content():
            self.stdout.write("Answers exist already: demo content not loaded again.")
        else:
            load_demo(content)
            self.stdout.write("Demo content loaded.")
        self.stdout.write(self.style.SUCCESS("Demo logins for http://127.0.0.1:8000/admin/"))
        for account in demo_accounts(content):
            self.stdout.write(f"  {account.role:<20} {account.username:<10} {account.password}")
