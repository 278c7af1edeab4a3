"""Text safety for letters and comments: `assess(text, context)` -> flags, decision, reasons.

Pure Python; importing this package loads no Django models.
"""

from safety.assessment import Assessment, Decision, assess

__all__ = ["Assessment", "Decision", "assess"]
