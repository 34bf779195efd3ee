"""A convenience for `mkdocs serve`: regenerate the Markdown before each build.

Nothing the published site needs depends on this hook: `make build` runs the
generator itself first, and the site builds the same without the hook (which
is why it does nothing outside `mkdocs serve`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.pipeline import generate

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: Any) -> None:
    if not _serving:
        return
    root = Path(config["config_file_path"]).resolve().parent
    result = generate(root, Path(config["docs_dir"]))
    if result.errors:
        raise PluginError("data problems:\n" + "\n".join(error.format() for error in result.errors))
