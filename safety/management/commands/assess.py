"""`python manage.py assess --jsonl FILE [--labels]`: assess many texts, one JSON line each.

Each input line is a JSON object with "text" (other keys are ignored, unless --labels).
Each output line, in input order, is {"crisis", "toxic", "spam", "review", "decision",
"reasons"}. With --labels, every input line must also carry "crisis", "toxic" and "spam"
(booleans), and a table of precision, recall and F1 per flag follows the lines.
"""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safety.assessment import CONTEXTS, Submission, assess
from safety.evaluation import FLAG_NAMES, evaluate_flags


class Command(BaseCommand):
    help = "Assess texts from a JSON Lines file; with --labels, print precision, recall and F1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--jsonl", required=True, metavar="FILE", help='JSON Lines with "text"; - for stdin.'
        )
        parser.add_argument(
            "--labels",
            action="store_true",
            help='Read "crisis", "toxic" and "spam" from each line and print figures.',
        )
        parser.add_argument(
            "--kind", choices=CONTEXTS, default="comment", help="Assess as comments (default)."
        )
        parser.add_argument(
            "--watched-words",
            action="store_true",
            help="Also apply the watched words editors listed in the admin.",
        )
        parser.add_argument(
            "--misses", action="store_true", help="With --labels, list what each flag got wrong."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        examples = self._read(options["jsonl"], options["labels"])
        watched: tuple[tuple[str, str], ...] = ()
        if options["watched_words"]:
            from safety.models import WatchedWord

            watched = tuple(WatchedWord.objects.values_list("phrase", "action"))
        submission = Submission(kind=options["kind"], watched_words=watched)
        flags = []
        for example in examples:
            result = assess(example["text"], submission)
            flags.append(result.flags)
            line = {
                "crisis": result.crisis,
                "toxic": result.toxic,
                "spam": result.spam,
                "review": result.review,
                "decision": str(result.decision),
                "reasons": list(result.reasons),
            }
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        if options["labels"]:
            self._figures(examples, flags, options["misses"])

    def _read(self, path: str, labels: bool) -> list[dict[str, Any]]:
        try:
            handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        examples = []
        with handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    example = json.loads(raw)
                except json.JSONDecodeError as error:
                    raise CommandError(f"line {number}: not JSON ({error.msg})") from error
                if not isinstance(example, dict) or not isinstance(example.get("text"), str):
                    raise CommandError(f'line {number}: expected an object with a "text" string')
                if labels and not all(isinstance(example.get(f), bool) for f in FLAG_NAMES):
                    raise CommandError(
                        f"line {number}: --labels needs crisis, toxic and spam as true or false"
                    )
                examples.append(example)
        return examples

    def _figures(self, examples: list[dict], flags: list, misses: bool) -> None:
        results = evaluate_flags(examples, flags)
        write = self.stdout.write
        write("")
        write(f"{'flag':<8} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for flag, r in results.items():
            write(
                f"{flag:<8} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} "
                f"{r['tp']:>4} {r['fp']:>4} {r['fn']:>4}"
            )
        write(f"{len(examples)} examples")
        if misses:
            for flag, r in results.items():
                for text in r["false_negatives"]:
                    write(f"{flag} missed: {text}")
                for text in r["false_positives"]:
                    write(f"{flag} false alarm: {text}")
