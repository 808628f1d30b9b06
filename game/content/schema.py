"""The JSON Schema of level files, generated from the models, for editors (Taplo, Even Better TOML)."""

from __future__ import annotations

import json

from game.content.models import FORMAT_VERSION, CatalogFile, Level


def level_schema() -> dict[str, object]:
    schema = Level.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Lunar Station level (format {FORMAT_VERSION})"
    return schema


def level_schema_text() -> str:
    """The schema as committed in levels/schema.json (stable key order, trailing newline)."""
    return json.dumps(level_schema(), indent=2, ensure_ascii=False) + "\n"


def catalog_schema_text() -> str:
    """The schema of catalog files (levels/catalog/*.toml and a mod's catalog/ folder)."""
    schema = CatalogFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Lunar Station catalog (format {FORMAT_VERSION})"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
