"""Text safety for letters and comments: `assess(text, context)` -> flags, decision, reasons.

Importing this package loads no Django models and no model weights: the offensive-language
and spam models load on first use, and the spam model reads its stored lessons only when
Django is set up.
"""

from safety.assessment import Assessment, Decision, Submission, assess, warm_up
from safety.spam import learn_from_decision

__all__ = ["Assessment", "Decision", "Submission", "assess", "learn_from_decision", "warm_up"]
