import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dearly.settings")
application = get_wsgi_application()

# Load the crisis model before the first request, so no writer waits for it.
from safety.crisis_similarity import warm_up  # noqa: E402

warm_up()
