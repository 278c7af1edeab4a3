import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dearly.settings")
application = get_wsgi_application()

# Load the text models before the first request, so no writer or commenter waits for them.
from safety import warm_up  # noqa: E402

warm_up()
