"""Word lists for the generated problems, written for calx (no benchmark text is used)."""
from __future__ import annotations

from dataclasses import dataclass
import random

NAMES_F = ("Ana", "Bea", "Chloe", "Dina", "Ella", "Fatima", "Grace", "Hana", "Iris", "Jade", "Kira", "Lena", "Maya",
           "Nora", "Olga", "Priya", "Rosa", "Sara", "Tara", "Uma", "Vera", "Wendy", "Yara", "Zoe", "Amira", "Beth",
           "Carmen", "Daisy", "Elif", "Freya", "Gina", "Helen", "Ines", "Julia", "Keiko", "Lucy", "Mina", "Nadia")
NAMES_M = ("Adam", "Ben", "Carlos", "Dev", "Eli", "Farid", "Gabe", "Hugo", "Ivan", "Jon", "Kofi", "Liam", "Milo",
           "Nico", "Omar", "Pablo", "Raj", "Sam", "Theo", "Umar", "Victor", "Wes", "Yusuf", "Zack", "Arjun", "Boris",
           "Caleb", "Diego", "Emil", "Felix", "George", "Hiro", "Isaac", "Jamal", "Ken", "Leo", "Marco", "Noah")


@dataclass(frozen=True)
class Person:
    name: str
    he: str
    him: str
    his: str


def person(rng: random.Random, *avoid: Person) -> Person:
    taken = {p.name for p in avoid}
    while True:
        if rng.random() < 0.5:
            p = Person(rng.choice(NAMES_F), "she", "her", "her")
        else:
            p = Person(rng.choice(NAMES_M), "he", "him", "his")
        if p.name not in taken:
            return p


# countable things: (plural, singular)
THINGS = (("apples", "apple"), ("marbles", "marble"), ("stickers", "sticker"), ("books", "book"), ("pencils", "pencil"),
          ("cookies", "cookie"), ("stamps", "stamp"), ("shells", "shell"), ("cards", "card"), ("balloons", "balloon"),
          ("toy cars", "toy car"), ("oranges", "orange"), ("eggs", "egg"), ("cupcakes", "cupcake"), ("beads", "bead"),
          ("crayons", "crayon"), ("coins", "coin"), ("flowers", "flower"), ("buttons", "button"), ("candies", "candy"),
          ("pens", "pen"), ("rocks", "rock"), ("comic books", "comic book"), ("muffins", "muffin"), ("tomatoes", "tomato"),
          ("chairs", "chair"), ("bottles", "bottle"), ("boxes of juice", "box of juice"), ("puzzles", "puzzle"),
          ("carrots", "carrot"), ("postcards", "postcard"), ("ribbons", "ribbon"), ("dolls", "doll"), ("kites", "kite"))
# (container plural, container singular) for groups
CONTAINERS = (("bags", "bag"), ("boxes", "box"), ("baskets", "basket"), ("jars", "jar"), ("packs", "pack"),
              ("crates", "crate"), ("trays", "tray"), ("shelves", "shelf"), ("rows", "row"), ("bundles", "bundle"))
GET_VERBS = (("buys", "bought"), ("finds", "found"), ("gets", "got"), ("picks", "picked"), ("wins", "won"),
             ("receives", "received"), ("collects", "collected"))
# (present, past, base)
LOSE_VERBS = (("gives away", "gave away", "give away"), ("loses", "lost", "lose"), ("sells", "sold", "sell"),
              ("uses", "used", "use"), ("eats", "ate", "eat"), ("donates", "donated", "donate"),
              ("breaks", "broke", "break"))
EDIBLE = {"apples", "cookies", "cupcakes", "oranges", "candies", "muffins", "tomatoes", "carrots", "eggs"}
PLACES = ("school", "library", "farm", "bakery", "zoo", "park", "store", "garden", "museum", "camp")
GROUPS = (("students", "class"), ("players", "team"), ("children", "group"), ("workers", "factory"),
          ("members", "club"), ("singers", "choir"))


def thing(rng: random.Random, *avoid: tuple[str, str]) -> tuple[str, str]:
    while True:
        t = rng.choice(THINGS)
        if t not in avoid:
            return t


def lose_verb(rng: random.Random, plural: str) -> tuple[str, str, str]:
    while True:
        verb = rng.choice(LOSE_VERBS)
        if verb[0] != "eats" or plural in EDIBLE:
            return verb
