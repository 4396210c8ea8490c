"""Models behind one protocol: a local GGUF (llama-cpp-python), an OpenAI-compatible server, a scripted replay."""
from .base import CompletionStats, Model, ModelInfo
from .embedded import EMBEDDED_NAME, default_model_path
from .errors import ModelError, ModelTimeout, ModelUnavailable
from .gguf import LlamaCppModel
from .resolve import list_models, resolve_model
from .scripted import ScriptedModel
from .server import OpenAIServerModel

__all__ = [
    "CompletionStats", "Model", "ModelInfo", "EMBEDDED_NAME", "default_model_path", "ModelError",
    "ModelUnavailable", "ModelTimeout", "LlamaCppModel", "list_models", "resolve_model", "ScriptedModel", "OpenAIServerModel",
]
