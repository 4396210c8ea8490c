"""Typed failures of the model layer, so callers can tell 'no model' from 'model broke' from 'model too slow'.

`kind` is the Answer.error type each one becomes; the messages are for people.
"""
from __future__ import annotations


class ModelError(Exception):
    """A model could not be loaded or could not answer; the message is for people."""

    kind = "model_error"


class ModelUnavailable(ModelError):
    """No usable model: missing or broken file, missing package, unreachable or refusing server."""

    kind = "model_unavailable"


class ModelTimeout(ModelError):
    """The model (a server) sent nothing for longer than it was allowed to."""

    kind = "model_timeout"
