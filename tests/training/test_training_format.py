"""The training text is the run-time text, token for token, and the loss falls only on what the model writes."""
from __future__ import annotations

import random

import pytest

from assistant.models import ScriptedModel
from assistant.models.embedded import default_model_path
from assistant.planner import Planner
from training import distractors, synthetic
from training.build_data import chain_from_plan
from training.chain import pieces, render
from training.gsm8k import THOUGHT_MAX, chain_of, clean_thought

# written for this test (GSM8K's solution format, not a GSM8K item)
QUESTION = "A baker bakes 4 trays of 15 rolls and sells 38 of them. How many rolls are left?"
SOLUTION = ("The baker bakes 4*15 = <<4*15=60>>60 rolls.\n"
            "After selling, 60-38 = <<60-38=22>>22 rolls are left.\n#### 22")


@pytest.fixture(scope="module")
def chain():
    made, why = chain_of(QUESTION, SOLUTION)
    assert made is not None, why
    return made


@pytest.fixture(scope="module")
def tokenizer():
    from training.tokens import Tokenizer

    return Tokenizer(default_model_path())


def test_gsm8k_solution_becomes_thoughts_and_calculator_calls(chain):
    assert [(s.thought, s.input, s.output) for s in chain.steps] == [
        ("The baker bakes 4*15", "4*15", "60"), ("After selling, 60-38", "60-38", "22")]
    assert chain.result == "22"


def test_a_solution_whose_annotation_is_wrong_is_left_out():
    bad, why = chain_of(QUESTION, SOLUTION.replace("<<60-38=22>>22", "<<60-38=23>>23").replace("#### 22", "#### 23"))
    assert bad is None and "disagrees" in why


def test_the_planner_replaying_the_chain_writes_the_training_text_exactly(chain):
    model_parts = [p.text for p in pieces(chain) if p.trained]
    model = ScriptedModel(model_parts)
    model.prompt_style = "tuned"  # as LlamaCppModel with the shipped adapter
    answer = Planner(model).ask(QUESTION)
    assert answer.answer == "22" and answer.error is None
    assert model.prompts[0] + answer.chain == render(chain)
    assert model.prompts[-1] == render(chain)[: len(model.prompts[-1])]  # each resume is a prefix of the text


def test_a_chain_without_thoughts_replays_under_the_plain_style_and_its_grammar_has_no_thought(chain):
    from training.build_data import without_thoughts

    plain = without_thoughts(chain)
    assert all(s.thought is None for s in plain.steps) and "The baker" not in render(plain).split("\n", 1)[1]
    model = ScriptedModel([p.text for p in pieces(plain) if p.trained])
    model.supports_grammar = True  # to see the grammar the planner builds for this style
    model.prompt_style = "tuned-plain"  # an adapter trained with --no-thoughts
    answer = Planner(model).ask(QUESTION)
    assert answer.answer == "22" and model.prompts[0] + answer.chain == render(plain)
    assert model.grammars and all(g is not None and "thought?" not in g for g in model.grammars)
    model.prompt_style = "tuned"
    Planner(model).ask(QUESTION)
    assert "thought?" in model.grammars[-1]


def test_training_ids_are_llama_cpp_ids_of_the_whole_runtime_string(chain, tokenizer):
    from assistant.models.gguf import LlamaCppModel

    runtime = LlamaCppModel(default_model_path())  # its tokenize() is what the decoder feeds the model
    encoded = tokenizer.encode(chain)
    assert encoded.ids == runtime.tokenize(render(chain))


def test_loss_falls_on_exactly_the_text_the_model_writes(chain, tokenizer):
    encoded = tokenizer.encode(chain)
    trained = tokenizer.decode([t for t, m in zip(encoded.ids, encoded.trained) if m])
    assert trained == "".join(p.text for p in pieces(chain) if p.trained)
    untrained = tokenizer.decode([t for t, m in zip(encoded.ids, encoded.trained) if not m])
    assert untrained.startswith("Problem: ") and "<output>60</output>" in untrained and "<result>" not in untrained


def test_every_generated_family_builds_checked_chains_within_the_grammar():
    rng = random.Random(7)
    for name, make in synthetic.FAMILIES.items():
        for _ in range(25):
            question, plan, result = make(rng)
            made = chain_from_plan(question, plan, result, name)
            assert made is not None, (name, question, plan, result)
            assert all(s.thought and len(s.thought) <= THOUGHT_MAX and "<" not in s.thought for s in made.steps)
            assert made.result == made.steps[-1].output.split(" = ")[0], (name, question)  # as the output writes it


def test_a_distractor_goes_before_the_question_and_leaves_it_last():
    rng = random.Random(3)
    question = "Ana has 12 apples. She buys 5 more. How many apples does she have now?"
    for _ in range(20):
        changed = distractors.insert(question, rng)
        assert changed.endswith("How many apples does she have now?") and changed.startswith("Ana has 12 apples.")
        assert len(changed) > len(question)
    assert distractors.insert("How many apples are there?", rng) is None


def test_thoughts_keep_words_before_the_call_only():
    assert clean_thought("Weng earns 12/60 = $") == "Weng earns 12/60"
    assert clean_thought(" per minute. Working 50 minutes, she earned 0.2 x 50 = $") == \
        "Working 50 minutes, she earned 0.2 x 50"
    assert clean_thought(" = ") is None
