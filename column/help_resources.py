"""Default crisis resources for /help-now/; editors change them in the CMS."""

DEFAULT_HELP_INTRO = (
    "<p>If you are in immediate danger, call your local emergency number (911 in the US) now. "
    "If you are thinking about suicide or harming yourself, or someone is hurting you, you "
    "deserve help today. These services are free, confidential and open day and night.</p>"
)

DEFAULT_RESOURCES = [
    {
        "name": "988 Suicide & Crisis Lifeline",
        "how_to_reach": "Call or text 988, or chat at 988lifeline.org",
        "region": "United States",
        "url": "https://988lifeline.org/",
        "description": "Trained counsellors answer 24 hours a day, in English and Spanish.",
    },
    {
        "name": "Crisis Text Line",
        "how_to_reach": "Text HOME to 741741",
        "region": "United States; 686868 in Canada; 85258 in the UK",
        "url": "https://www.crisistextline.org/",
        "description": "A trained volunteer texts back, usually within minutes.",
    },
    {
        "name": "Find a Helpline",
        "how_to_reach": "Search by country at findahelpline.com",
        "region": "International",
        "url": "https://findahelpline.com/",
        "description": "A directory of free, confidential crisis lines in over 130 countries.",
    },
]
