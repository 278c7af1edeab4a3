from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from column.models import published_answers


class LatestAnswersFeed(Feed):
    feed_type = Atom1Feed
    title = "Dearly: answers from licensed therapists"
    link = "/"
    subtitle = "The newest letters answered in the column."

    def items(self):
        return published_answers()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return f"{item.therapist.name}, {item.therapist.credentials}"
