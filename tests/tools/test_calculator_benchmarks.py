"""The calculator agrees with every GSM8K calculation annotation and every Calc-X gadget output."""
import json
import re
from decimal import Decimal
from fractions import Fraction

from tools.calculator import calculate

ANNOTATION = re.compile(r"<<([^=<>]*)=([^<>]*)>>")


def as_fraction(value) -> Fraction:
    if hasattr(value, "denominator"):
        return Fraction(int(value.numerator), int(value.denominator))
    return Fraction(Decimal(str(value)))


def annotated(text: str) -> tuple[Fraction, int]:
    """The annotation's value and its number of decimals (the precision agreement is judged at)."""
    text = text.strip().replace(",", "")
    if "/" in text:
        num, den = text.split("/")
        return Fraction(num) / Fraction(den), 12
    places = len(text.split(".")[1]) if "." in text else 0
    return Fraction(Decimal(text)), places


def test_gsm8k_annotations_all_agree(benchmarks):
    mismatches, total = [], 0
    for line in (benchmarks / "openai+grade-school-math__grade_school_math__data__test.jsonl").open():
        for expr, result in ANNOTATION.findall(json.loads(line)["answer"]):
            total += 1
            calc = calculate(expr)
            gold, places = annotated(result)
            # agreement at the annotation's precision: within one unit of its last written digit
            if abs(as_fraction(calc.value) - gold) > Fraction(1, 10**places):
                mismatches.append((expr, result, calc.output))
    assert total == 4282
    assert mismatches == []


def test_calcx_sample_outputs_match_exactly(benchmarks):
    mismatches, total = [], 0
    for line in (benchmarks / "prompteus+calc-x__data__word_problems_petr.jsonl").open():
        for call in json.loads(line)["chain"]:
            total += 1
            output = calculate(call["inputs"]).output
            if output != call["outputs"]:
                mismatches.append((call["inputs"], call["outputs"], output))
    assert total == 100
    assert mismatches == []
