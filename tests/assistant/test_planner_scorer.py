"""The planner's score mode (assistant/planner/scorer.py): enumeration, filters, ranking, the option's way in.

The ranking model here is a stand-in with a `score` method; tests/assistant/test_scoring_model.py scores
with the real GGUF."""
from __future__ import annotations

import re

import pytest

import tools
from assistant.answer import ToolCallEvent, ToolResultEvent
from assistant.models import ScriptedModel
from assistant.models.scoring import TextScore
from assistant.planner import Options, Planner
from assistant.planner.loop import mode_from_env
from assistant.planner.numbers import to_fraction
from assistant.planner.prompt import build_tuned_prompt
from assistant.planner.scorer import BEAM, ChainScorer, candidate_numbers, percents_in


MARKUP = {"<gad", "</", "<result"}


class RankingModel(ScriptedModel):
    """-5 for each scored expression or result not in `liked`, 0 for the rest; writes `2*7` when asked to write."""

    prompt_style = "tuned-plain"

    def __init__(self, liked=()):
        super().__init__(['<gadget id="calculator">2*7</gadget>', "<result>14</result>"], name="ranking")
        self.liked = set(liked)
        self.seen: list[list[tuple[str, bool]]] = []

    @property
    def completions(self) -> int:
        return len(self.prompts)

    def score(self, texts):
        out = []
        for pieces in texts:
            self.seen.append(list(pieces))
            logprobs = tuple(0.0 if not scored or text in self.liked or text in MARKUP else -5.0 for text, scored in pieces)
            out.append(TextScore(logprobs, tuple(3 if scored else 0 for _, scored in pieces), 10))
        return out


def _scorer(model=None):
    return ChainScorer(model or RankingModel(), tools.run, tool_timeout=5.0)


def test_numbers_enumerated_only_between_two_and_five():
    assert candidate_numbers("Tom has 25 stickers and buys 17 more. How many now?") == ["25", "17"]
    assert candidate_numbers("Ann has 4 pens, Bo has 4 pens and Cy has 1,200 pens.") == ["4", "1200"]
    assert candidate_numbers("Tom has 25 stickers. How many now?") is None
    assert candidate_numbers("1 2 3 4 5 6 apples") is None


def test_numbers_said_in_words_and_percents():
    assert candidate_numbers("Zoe has 95 stickers. She gives a fifth of them to Wes.") == ["95", "5"]
    assert candidate_numbers("A pie costs 6 dollars. A cake costs twice as much.") == ["6", "2"]
    assert candidate_numbers("On the third day he read 20 pages.") is None  # an ordinal, not a fraction
    assert percents_in("A bottle costs $270. It is on sale for 40% off, or 12.5 percent more.") == ["40", "12.5"]


def test_percent_calls_are_written_as_training_writes_them_and_keep_the_base_free():
    scorer = _scorer()
    firsts = scorer.percent_of(["270", "40"], ["40"], float("inf"))
    assert [(c.steps[0].input, c.result, c.used) for c in firsts] == [("270*40/100", "108", ("40",))]
    seconds = scorer.two_operations(firsts[0], ["270", "40"], float("inf"))
    assert "270-108" in {c.steps[1].input for c in seconds}
    assert not any("40" in re.split(r"[-+*/]", c.steps[1].input) for c in seconds)


def test_one_operation_candidates_exact_set():
    firsts = _scorer().one_operation(["25", "17"], deadline=float("inf"))
    assert {c.steps[0].input for c in firsts} == {"25+17", "25-17", "25*17", "25/17", "17+25", "17-25", "17*25", "17/25"}
    by_input = {c.steps[0].input: c for c in firsts}
    assert by_input["25+17"].result == "42" and by_input["17-25"].result == "-8"
    assert by_input["25/17"].result == "25/17"  # as the output writes it, before " = around ..."


def test_division_by_zero_is_no_candidate():
    firsts = _scorer().one_operation(["5", "0"], deadline=float("inf"))
    assert "5/0" not in {c.steps[0].input for c in firsts} and "0/5" in {c.steps[0].input for c in firsts}


def test_two_operation_candidates_use_the_output_and_each_number_once():
    scorer = _scorer()
    first = next(c for c in scorer.one_operation(["20", "4", "3"], float("inf")) if c.steps[0].input == "4*3")
    seconds = scorer.two_operations(first, ["20", "4", "3"], float("inf"))
    assert {c.steps[1].input for c in seconds} == {
        "12+20", "20+12", "12-20", "20-12", "12*20", "20*12", "12/20", "20/12"}
    assert all(c.steps[0].input == "4*3" for c in seconds)
    assert next(c for c in seconds if c.steps[1].input == "20-12").result == "8"


def test_candidate_text_is_the_training_format_and_only_model_text_is_scored():
    from training.chain import Chain, Step as TrainStep, pieces

    scorer = _scorer()
    first = next(c for c in scorer.one_operation(["20", "4", "3"], float("inf")) if c.steps[0].input == "4*3")
    second = next(c for c in scorer.two_operations(first, ["20", "4", "3"], float("inf")) if c.steps[1].input == "20-12")
    question = "A pen costs 4 dollars. Ann buys 3 pens and pays with 20 dollars. How much change?"
    chain = Chain(question, tuple(TrainStep(None, s.input, s.output) for s in second.steps), second.result, "test")
    trained = pieces(chain)
    ours = second.pieces(build_tuned_prompt(question))
    assert "".join(t for t, _ in ours) == "".join(p.text for p in trained)
    # every scored byte lies in a piece the model writes in training; the host's text is never scored
    assert _scored_spans(ours) <= _scored_spans([(p.text, p.trained) for p in trained])
    assert [t for t, scored in ours if scored] == ["<gad", "4*3", "</", "<gad", "20-12", "</", "<result", "8", "</"]


def _scored_spans(marked) -> set[int]:
    at, out = 0, set()
    for text, scored in marked:
        if scored:
            out |= set(range(at, at + len(text)))
        at += len(text)
    return out


def test_stage_pieces_score_only_the_new_part():
    first = _scorer().one_operation(["20", "4"], float("inf"))[0]
    assert [t for t, s in first.pieces("P\n", calls=1, result=False) if s] == ["<gad", first.steps[0].input, "</"]
    assert [t for t, s in first.pieces("P\n", calls=1, result=True, scored_from=1) if s] == ["<result", first.result, "</"]


def test_how_many_filters_negative_and_fractional_results():
    scorer = _scorer()
    ranked = scorer.best("Tom has 25 stickers and gives 17 away. How many are left?", build_tuned_prompt("q"), float("inf"))
    values = [to_fraction(s.candidate.result) for s in scorer.last_scored]
    assert ranked is not None and values
    assert all(v >= 0 and v.denominator == 1 for v in values)


def test_best_chain_is_the_one_the_model_likes():
    liked = {"25+17", "42"}
    ranked = _scorer(RankingModel(liked)).best("Tom has 25 stickers and buys 17 more. How many now?",
                                               build_tuned_prompt("q"), float("inf"))
    assert ranked.candidate.steps[0].input == "25+17" and ranked.candidate.result == "42"
    # 8 calls, less 17-25 (negative) and 25/17, 17/25 (no whole count): 5 pass, the best BEAM get a result
    assert ranked.candidates == min(5, BEAM)


def test_score_mode_answers_through_the_planner_with_the_calls_run():
    liked = {"4*3", "20-12", "8"}
    model = RankingModel(liked)
    question = "A pen costs 4 dollars. Ann buys 3 pens and pays with 20 dollars. How much change does she get?"
    events = list(Planner(model, options=Options(mode="score")).stream(question))
    answer = events[-1].answer
    assert answer.answer == "8" and answer.route == "planner" and model.completions == 0
    assert [(s.input, s.output) for s in answer.steps] == [("4*3", "12"), ("20-12", "8")]
    assert answer.chain == ('<gadget id="calculator">4*3</gadget>\n<output>12</output>\n'
                            '<gadget id="calculator">20-12</gadget>\n<output>8</output>\n<result>8</result>')
    assert [e.kind for e in events if isinstance(e, (ToolCallEvent, ToolResultEvent))] == ["tool_call", "tool_result"] * 2
    assert any(c.name == "scorer" and c.passed is None for c in answer.checks)
    assert any(c.name == "result_from_tool" and c.passed for c in answer.checks)
    assert answer.verified is None and answer.timings["candidates"] == 2 * BEAM


def test_score_mode_falls_back_to_the_writer_outside_two_to_five_numbers():
    model = RankingModel()
    answer = Planner(model, options=Options(mode="score")).ask("What is twice seven?")
    assert model.completions >= 1 and not model.seen
    assert answer.route == "planner" and answer.answer == "14"


def test_write_mode_never_scores():
    model = RankingModel()
    Planner(model, options=Options()).ask("Tom has 25 stickers and buys 17 more. How many now?")
    assert not model.seen and model.completions >= 1


def test_mode_reaches_the_planner_from_the_environment(monkeypatch):
    monkeypatch.setenv("CALX_PLANNER_MODE", "score")
    assert Planner(RankingModel()).options.mode == "score"
    assert Planner(RankingModel(), options=Options()).options.mode == "write"  # explicit options win
    monkeypatch.setenv("CALX_PLANNER_MODE", "guess")
    with pytest.raises(ValueError):
        mode_from_env()
    monkeypatch.delenv("CALX_PLANNER_MODE")
    assert Planner(RankingModel()).options.mode == "write"


def test_mode_reaches_the_planner_from_the_command_line_and_eval():
    from assistant.cli_ask import AskOptions, Session
    from assistant.evaluation.solvers import AssistantSolver, SolverSpec

    model = RankingModel()
    session = Session(AskOptions(model=None, planner_mode="score"))
    session.assistant.model_spec = model
    assert session.assistant.planner().options.mode == "score"
    solver = AssistantSolver(SolverSpec(planner_mode="score"))
    solver.assistant.model_spec = model
    assert solver.assistant.planner().options.mode == "score"


def test_cli_flags_exist():
    from click.testing import CliRunner

    from assistant.cli_commands import ask
    from assistant.evaluation.cli import run_command

    assert "--planner-mode" in CliRunner().invoke(ask, ["--help"]).output
    assert "--planner-mode" in CliRunner().invoke(run_command, ["--help"]).output


@pytest.mark.parametrize("style", ["fewshot", "tuned"])
def test_score_mode_needs_the_plain_adapter(style):
    model = RankingModel()
    model.prompt_style = style  # chains with thought lines, or a model that never saw the format: write
    answer = Planner(model, options=Options(mode="score")).ask("Tom has 25 stickers and buys 17 more. How many now?")
    assert not model.seen and model.completions >= 1 and answer.answer == "14"
