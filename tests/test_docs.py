"""The docs promise what the code does: every command, option, error code, field and setting."""

from __future__ import annotations

import dataclasses
import inspect
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import typer

from newsgraph import errors
from newsgraph.cli import app
from newsgraph.records import Article
from newsgraph.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def cli_commands() -> list[Any]:
    group: Any = typer.main.get_command(app)
    return [group.commands[name] for name in sorted(group.commands)]


def test_cli_has_the_commands() -> None:
    assert {c.name for c in cli_commands()} >= {"extract", "ingest", "export", "stats", "errors"}


@pytest.mark.parametrize("command", cli_commands(), ids=lambda c: c.name)
def test_every_command_and_option_is_documented(command: Any) -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"## `newsgraph {command.name}" in text
    for param in command.params:
        if param.param_type_name == "option":
            for opt in param.opts:
                if opt != "--help":
                    assert f"`{opt}" in text, f"{command.name} {opt} is not in docs/cli.md"


def test_every_error_class_is_documented() -> None:
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    classes = [
        c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.NewsgraphError)
    ]
    assert len(classes) > 5
    for cls in classes:
        if cls is errors.NewsgraphError:
            continue
        assert f"| {cls.code} | `{cls.__name__}` |" in text, cls.__name__


def test_every_article_field_is_documented() -> None:
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    article = Article(id="x", source="s", title=None, published=None, published_from=None, text="")
    for key in article.as_dict():
        assert f"| `{key}` |" in text, key


def test_every_setting_has_a_default_entry() -> None:
    defaults = tomllib.loads(
        resources.files("newsgraph").joinpath("defaults.toml").read_text(encoding="utf-8")
    )
    documented = set(defaults["newsgraph"])
    fields = {f.name for f in dataclasses.fields(Settings)} - {"published", "raw", "disable", "manifest"}
    assert fields == documented
