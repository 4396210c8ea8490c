"""The one safe expression parser shared by every tool: text -> tree, never eval."""
from .errors import ParseError, TooDeepError
from .functions import canonical
from .nodes import BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq
from .parser import parse
from .printer import to_text
from .walk import CHAIN_OPS, RING_OPS, fold_chain, left_chain, subtrees

__all__ = ["ParseError", "TooDeepError", "canonical", "BinOp", "Call", "Name", "Neg", "Node", "Num",
           "Postfix", "Relation", "Seq", "parse", "to_text", "CHAIN_OPS", "RING_OPS", "fold_chain",
           "left_chain", "subtrees"]
