"""Flow of the planner loop driven by a scripted model (no model weights: these test the host side)."""
from __future__ import annotations

import time

import pytest

from assistant.answer import AnswerEvent, TokenEvent, ToolCallEvent, ToolResultEvent
from assistant.models import ScriptedModel
from assistant.planner import Budgets, Options, Planner
from assistant.planner.markup import read_segment

CALC = '<gadget id="calculator">{}</gadget>'


def test_one_call_chain_events_and_answer():
    model = ScriptedModel([CALC.format("14 * 23"), "<result>322</result>"])
    events = list(Planner(model).stream("How many rolls are on 14 trays of 23?"))
    kinds = [e.kind for e in events]
    assert kinds[-1] == "answer" and "tool_call" in kinds and "tool_result" in kinds
    assert kinds.index("tool_call") < kinds.index("tool_result")
    assert any(isinstance(e, TokenEvent) for e in events)
    answer = events[-1].answer
    assert answer.route == "planner" and answer.answer == "322" and answer.verified is None  # consistency checks passed; they cannot prove a plan right
    assert answer.chain == CALC.format("14 * 23") + "\n<output>322</output>\n<result>322</result>"
    assert [(s.tool, s.input, s.output) for s in answer.steps] == [("calculator", "14 * 23", "322")]


def test_tool_output_is_fed_back_into_the_next_prompt():
    model = ScriptedModel([CALC.format("4 * 3"), CALC.format("20 - 12"), "<result>8</result>"])
    answer = Planner(model).ask("Change from 20 after 4 items at 3?")
    assert model.prompts[1].endswith("<output>12</output>\n")
    assert model.prompts[2].endswith("<output>8</output>\n")
    assert model.prompts[0] in model.prompts[2]  # the prefix is only ever extended: the KV cache stays valid
    assert answer.answer == "8" and len(answer.steps) == 2


def test_result_not_from_a_tool_is_rederived_from_the_last_output():
    model = ScriptedModel([CALC.format("91 - 38"), "<result>54</result>"])
    answer = Planner(model, options=Options(rederive=True)).ask("How many stickers at first?")
    assert answer.answer == "53"
    assert any(c.name == "result_from_tool" and "re-derived" in c.detail for c in answer.checks)


def test_without_rederive_a_guess_is_flagged_unverified():
    model = ScriptedModel([CALC.format("91 - 38"), "<result>54</result>"])
    answer = Planner(model, options=Options(rederive=False)).ask("Stickers?")
    assert answer.answer == "54" and answer.verified is False
    assert any(c.name == "result_from_tool" and c.passed is False for c in answer.checks)


def test_implausible_count_is_reported():
    model = ScriptedModel([CALC.format("10 - 24"), "<result>-14</result>"])
    answer = Planner(model).ask("How many birds are left on the tree?")
    check = next(c for c in answer.checks if c.name == "plausible_count")
    assert check.passed is False and answer.verified is False


def test_call_budget_ends_with_a_reason():
    model = ScriptedModel([CALC.format("1 + 1")], repeat_last=True)
    answer = Planner(model, budgets=Budgets(max_calls=3)).ask("Loop forever?")
    assert answer.error is not None and answer.error.type == "budget" and "calls" in answer.error.message
    assert len(answer.steps) == 3 and answer.answer is None


def test_token_budget_ends_with_a_reason():
    model = ScriptedModel(["word " * 500])
    answer = Planner(model, budgets=Budgets(max_tokens=20)).ask("Ramble?")
    assert answer.error is not None and answer.error.type == "budget" and "tokens" in answer.error.message


class SlowModel(ScriptedModel):
    def complete(self, prompt, **kw):
        for token in super().complete(prompt, **kw):
            time.sleep(0.05)
            yield token


def test_wall_clock_budget_stops_generation():
    model = SlowModel(["tick " * 200])
    start = time.perf_counter()
    answer = Planner(model, budgets=Budgets(wall_seconds=0.3, max_tokens=1000)).ask("Slow?")
    assert time.perf_counter() - start < 2
    assert answer.error.type == "budget" and answer.error.message.startswith("wall")


def test_unknown_gadget_yields_error_output_and_loop_goes_on():
    model = ScriptedModel(['<gadget id="abacus">1+1</gadget>', CALC.format("1 + 1"), "<result>2</result>"])
    answer = Planner(model).ask("What is one plus one?")
    assert answer.steps[0].output.startswith("ERROR:") and answer.steps[0].error == "unknown_tool"
    assert answer.answer == "2"


def test_no_call_and_no_result_is_an_error_not_a_hang():
    answer = Planner(ScriptedModel(["I do not know."])).ask("?")
    assert answer.error.type == "no_result" and answer.answer is None


def test_vote_takes_the_majority_answer():
    model = ScriptedModel([
        CALC.format("2 + 3"), "<result>5</result>",
        CALC.format("2 * 3"), "<result>6</result>",
        CALC.format("3 + 2"), "<result>5</result>",
    ])
    answer = Planner(model, options=Options(votes=3)).ask("What is 2 and 3 together?")
    vote = next(c for c in answer.checks if c.name == "vote")
    assert answer.answer == "5" and vote.passed is True and "2 of 3" in vote.detail


def test_resample_only_when_the_greedy_chain_is_rejected():
    model = ScriptedModel([
        CALC.format("10 - 24"), "<result>-14</result>",  # greedy: a negative count, rejected
        CALC.format("24 - 10"), "<result>14</result>",
        CALC.format("24 - 10"), "<result>14</result>",
        CALC.format("99 + 1"), "<result>100</result>",  # never asked for: two samples already agree
    ])
    answer = Planner(model, options=Options(resample=4)).ask("How many birds are left?")
    assert answer.answer == "14" and len(model.prompts) == 6

    model = ScriptedModel([CALC.format("2 + 3"), "<result>5</result>", "unused"])
    answer = Planner(model, options=Options(resample=4)).ask("How many apples?")
    assert answer.answer == "5" and len(model.prompts) == 2  # an accepted greedy chain costs nothing extra


def test_scripted_model_gets_no_grammar_but_a_grammar_model_does():
    model = ScriptedModel([CALC.format("1 + 1"), "<result>2</result>"])
    Planner(model).ask("1+1?")
    assert model.grammars == [None, None]

    class GrammarModel(ScriptedModel):
        supports_grammar = True

    model = GrammarModel([CALC.format("1 + 1"), "<result>2</result>"])
    Planner(model, options=Options(restrict_numbers=True)).ask("What is 7 plus 1?")
    assert model.grammars[0] and '"7"' in model.grammars[0] and "root ::=" in model.grammars[0]
    assert '"2"' in model.grammars[1]  # the first output's value is allowed in the next call


@pytest.mark.parametrize("text,kind,tool,inp,result", [
    ('Add them.\n<gadget id="calculator">2 + 2', "call", "calculator", "2 + 2", ""),
    ("<result>42</result>", "result", "", "", "42"),
    ("<result>42", "result", "", "", "42"),
    ("just words", "none", "", "", ""),
])
def test_read_segment(text, kind, tool, inp, result):
    seg = read_segment(text)
    assert (seg.kind, seg.tool, seg.input, seg.result) == (kind, tool, inp, result)


def test_a_result_longer_than_pythons_int_string_limit_is_the_answer_not_a_crash():
    digits = "7" * 5000  # to_fraction() raised ValueError here and Planner.ask ended in an exception
    answer = Planner(ScriptedModel([CALC.format("7 * 1"), f"<result>{digits}</result>"])).ask("How many?")
    assert answer.error is None and answer.answer == digits
    answer = Planner(ScriptedModel([CALC.format("7 * 1"), f"<result>{digits}/3</result>"])).ask("How much?")
    assert answer.answer == f"{digits}/3" and answer.decimal == "2.592592593e+4999"  # float() overflowed


def test_a_fractional_answer_has_ten_significant_digits_beside_it():
    answer = Planner(ScriptedModel([CALC.format("10 / 3"), "<result>10/3</result>"])).ask("How much?")
    assert answer.answer == "10/3" and answer.decimal == "3.333333333"
