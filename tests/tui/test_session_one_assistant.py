"""The app's session holds one Assistant: direct math once per question, the model waited for, never reached into."""
from __future__ import annotations

import assistant.direct as direct
from assistant import AnswerEvent
from assistant.models import ScriptedModel
from tui.session import ChatSession

WORD = "Tom has 25 stickers and buys 17 more. How many stickers does he have now?"
CHAIN = ['<gadget id="calculator">25 + 17</gadget>', "<result>42</result>"]


def _answer(events):
    final = list(events)[-1]
    assert isinstance(final, AnswerEvent)
    return final.answer


def test_a_planner_question_meets_the_direct_route_once(monkeypatch):
    calls = []
    real = direct.try_direct
    monkeypatch.setattr(direct, "try_direct", lambda q, **kw: calls.append(q) or real(q, **kw))
    model = ScriptedModel(CHAIN)
    session = ChatSession(model)
    assert session.load_model().state == "ready"
    answer = _answer(session.stream(WORD))
    assert answer.answer == "42" and answer.route == "planner"
    assert calls == [WORD]  # the app used to run the direct route twice for a planner question


def test_direct_math_answers_while_the_model_is_still_loading():
    model = ScriptedModel(CHAIN)
    session = ChatSession(model)  # load_model() never ran: the status stays "loading"
    answer = _answer(session.stream("2^10", cancelled=lambda: False))
    assert answer.answer == "1024" and model.prompts == []


def test_a_question_cancelled_while_the_model_loads_is_never_planned():
    model = ScriptedModel(CHAIN)
    session = ChatSession(model)
    answer = _answer(session.stream(WORD, cancelled=lambda: True))
    assert answer.error.type == "cancelled" and model.prompts == []


def test_ask_is_direct_math_only():
    model = ScriptedModel(CHAIN)
    session = ChatSession(model)
    session.load_model()
    assert session.ask("2^10").answer == "1024"
    assert session.ask(WORD).error.type == "not_understood" and model.prompts == []
