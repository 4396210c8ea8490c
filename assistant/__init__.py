"""calx's public API: `Assistant().ask(question) -> Answer`, `ask(question)`, `Assistant.stream(question)`."""
from .answer import Answer, AnswerError, AnswerEvent, Check, Event, Step, TokenEvent, ToolCallEvent, ToolResultEvent
from .assistant import Assistant, ask

__all__ = ["Answer", "AnswerError", "AnswerEvent", "Assistant", "Check", "Event", "Step", "TokenEvent",
           "ToolCallEvent", "ToolResultEvent", "ask"]
