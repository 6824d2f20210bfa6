"""Where the trained components find their models, and what happens when one is missing.

A component's config names its model relative to the project (`models/speaker_linker`), so a
config works from any working directory and in an installed copy; an absolute path is used
as given. `nlp.to_disk(path)` copies each model into the saved pipeline, and `spacy.load(path)`
reads it back from there (`from_disk`), whatever the config says.

A model that cannot be found is never a silent no-op: with `on_missing = "error"` the
component refuses to be built; with `"warn"` (the default) it runs without its model, logs a
warning, and `load_nlp` lists it in `nlp.meta["claims_warnings"]`, which `claims extract`
prints in its summary and writes into every table's metadata.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ON_MISSING = ("warn", "error")


class MissingModelError(RuntimeError):
    """A component's model file or folder does not exist and its config says on_missing = "error"."""


def resolve_model_path(value: str | None) -> Path | None:
    """The config value as a path: relative paths are relative to the project root."""
    if not value:
        return None
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


def missing_model(component: str, path: Path, on_missing: str) -> str:
    """Report a missing model; returns the status line the component keeps."""
    if on_missing not in ON_MISSING:
        raise ValueError(f"{component}: on_missing must be one of {ON_MISSING}, not {on_missing!r}")
    message = (f"{component}: model not found at {path}; running without it "
               "(run `make train-quotes`, or check the component's config)")
    if on_missing == "error":
        raise MissingModelError(message)
    log.warning(message)
    return f"missing: {message}"


class ModelStatus:
    """Mixin: `model_status` says what a component runs with ("loaded …", "off", "missing: …")."""

    model_status: str = "off"

    @property
    def model_missing(self) -> bool:
        return self.model_status.startswith("missing")


class JsonWeights(ModelStatus):
    """A component whose model is one JSON file: `from_config` reads it where the config says,
    `to_disk`/`from_disk` keep it inside a saved pipeline. Subclasses define `load(data)`,
    `dump()` and a constructor whose first argument is the weights (None: no model)."""

    FILE_NAME = "weights.json"

    @classmethod
    def from_config(cls, weights: str | None, on_missing: str = "warn", name: str = ""):
        path = resolve_model_path(weights)
        if path is None:
            return cls(None)
        if not path.exists():
            return cls(None, status=missing_model(name or cls.__name__, path, on_missing))
        component = cls(None)
        component.load(json.loads(path.read_text(encoding="utf-8")))
        component.model_status = f"loaded {path}"
        return component

    def load(self, data: dict) -> None:
        raise NotImplementedError

    def dump(self) -> dict:
        raise NotImplementedError

    def to_disk(self, path: str | Path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.weights is not None:
            (path / self.FILE_NAME).write_text(json.dumps(self.dump(), ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude=tuple()):
        file = Path(path) / self.FILE_NAME
        if file.exists():
            self.load(json.loads(file.read_text(encoding="utf-8")))
            self.model_status = f"loaded {file}"
        return self
