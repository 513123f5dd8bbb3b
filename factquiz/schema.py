"""A JSON Schema of bank format version 1, for editors with the YAML language server."""

from __future__ import annotations

from typing import Any

from factquiz.bank import ITEM_TYPES, SKILLS, VERDICTS

SCHEMA_ID = "https://factquiz.invalid/schema/bank-v1.json"

_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_TEXT_LIST = {"type": "array", "items": _TEXT}


def _item_schema() -> dict[str, Any]:
    answer = {"oneOf": [_TEXT, {"type": "array", "items": _TEXT, "minItems": 1}]}
    props: dict[str, Any] = {
        "id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
               "description": "Unique and stable: scores are kept by it."},
        "type": {"enum": list(ITEM_TYPES)},
        "prompt": {**_TEXT, "description": "The question, or the claim to check."},
        "choices": {**_TEXT_LIST, "minItems": 2, "uniqueItems": True},
        "answers": {"type": "array", "items": answer, "minItems": 1,
                    "description": "Accepted answers; a list inside gives one answer's variants."},
        "require": {"enum": ["any", "all"]},
        "reject": {**_TEXT_LIST, "description": "Near-misses that are never accepted."},
        "verdict": {"enum": list(VERDICTS)},
        "evidence": {
            "type": "object",
            "additionalProperties": False,
            "required": ["source", "quote"],
            "properties": {"source": _TEXT, "quote": _TEXT},
        },
        "explanation": _TEXT,
        "skill": {"type": "string", "examples": list(SKILLS)},
        "tags": _TEXT_LIST,
        "difficulty": {"type": "integer", "minimum": 1, "maximum": 3},
        "points": {"type": "number", "exclusiveMinimum": 0},
        "hint": _TEXT,
    }  # fmt: skip
    by_type = [
        {"if": {"properties": {"type": {"const": "claim"}}},
         "then": {"required": ["verdict"],
                  "not": {"anyOf": [{"required": ["answers"]}, {"required": ["choices"]}]}}},
        {"if": {"properties": {"type": {"const": "choice"}}},
         "then": {"required": ["choices", "answers"]}},
        {"if": {"properties": {"type": {"const": "open"}}},
         "then": {"required": ["answers"], "not": {"required": ["choices"]}}},
    ]  # fmt: skip
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "type", "prompt"],
        "properties": props,
        "allOf": by_type,
    }


def bank_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a bank file."""
    source = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id"],
        "properties": {
            "id": _TEXT,
            "file": _TEXT,
            "title": _TEXT,
            "outlet": _TEXT,
            "url": _TEXT,
            "published": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "factquiz question bank, format version 1",
        "type": "object",
        "additionalProperties": False,
        "required": ["factquiz", "id", "title", "language", "items"],
        "properties": {
            "factquiz": {"const": 1},
            "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
            "title": _TEXT,
            "language": {"type": "string", "pattern": r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},
            "description": _TEXT,
            "sources": {"type": "array", "items": source},
            "items": {"type": "array", "items": _item_schema()},
        },
    }
