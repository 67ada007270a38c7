"""The ``eval/`` scripts as modules, for the tests of their scorers, samples and floors."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_eval(name: str) -> ModuleType:
    """``eval/<name>.py`` imported afresh as ``eval_<name>``, with ``eval/`` on the import path
    (the scripts share modules of their own there: ``matching``, ``calibration``)."""
    folder = str(ROOT / "eval")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(f"eval_{name}", ROOT / "eval" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
