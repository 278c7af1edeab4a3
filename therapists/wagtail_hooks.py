from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from therapists.models import Therapist


class TherapistViewSet(SnippetViewSet):
    model = Therapist
    icon = "user"
    menu_label = "Therapists"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "credentials", "licence_region", "verified_on"]
    search_fields = ["name", "specialties"]


register_snippet(TherapistViewSet)
