"""The question generator: French news articles in, a bank that validates out.

`generate_bank` runs every stage: read and clean the articles, parse them with spaCy
(loaded once), extract claims, build questions by answer type, rank them, write items.
spaCy is imported only when it runs (see `parsing.load_pipeline`).
"""

from __future__ import annotations

from factquiz.generate.runner import GenerationResult, collect_articles, generate_bank

__all__ = ["GenerationResult", "collect_articles", "generate_bank"]
