"""Typed failures of the model layer, so callers can tell 'no model' from 'model broke'."""
from __future__ import annotations


class ModelError(Exception):
    """A model could not be loaded or could not answer; the message is for people."""


class ModelUnavailable(ModelError):
    """No usable model: missing file, missing package, unreachable server."""
