from django.dispatch import receiver
from wagtail.signals import page_published

from column.models import AnswerPage
from letters.workflow import mark_answer_published


@receiver(page_published, sender=AnswerPage)
def close_answered_letters(sender, instance, **kwargs):
    mark_answer_published(instance)
