from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from safety.models import WatchedWord


class WatchedWordViewSet(SnippetViewSet):
    model = WatchedWord
    icon = "warning"
    menu_label = "Watched words"
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["phrase", "action", "note", "created_at"]
    list_filter = ["action"]
    search_fields = ["phrase", "note"]
    ordering = ["phrase"]


register_snippet(WatchedWordViewSet)
