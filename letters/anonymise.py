from safety.pii import find_pii

PLACEHOLDERS = {
    "person": "[name]",
    "place": "[place]",
    "employer": "[workplace]",
    "email": "[email]",
    "phone": "[phone]",
    "url": "[link]",
    "handle": "[handle]",
    "age": "[age]",
    "date": "[date]",
    "id_number": "[number]",
}


def anonymise(text: str) -> str:
    """The letter with likely identifying details replaced by bracketed placeholders.

    A starting point for the editor, who reads and edits the copy before anything is published.
    """
    pieces, cursor = [], 0
    for span in find_pii(text):
        pieces.append(text[cursor : span.start])
        pieces.append(PLACEHOLDERS.get(span.kind, "[detail]"))
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
