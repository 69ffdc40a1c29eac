#!/usr/bin/env python3
"""Writes each word's key into include/ctsql/detail/vocabulary.hpp, sorted.

The keys are key_of's (vocabulary.hpp): each character a digit in base 40, modulo 2**64. They are
written out, not computed, since computing them costs every unit that includes ctsql more than a
query does; tests/static/lexer.cpp checks each. Run it after adding a word:
    tools/vocabulary_keys.py
"""
import pathlib
import re

header = pathlib.Path(__file__).resolve().parent.parent / "include/ctsql/detail/vocabulary.hpp"
begin = "inline constexpr vocabulary_word vocabulary_words[] = {\n"
end = "\n};\n"


def code(c):
    if "a" <= c <= "z":
        return ord(c) - ord("a") + 1
    if c == "_":
        return 27
    if "0" <= c <= "9":
        return ord(c) - ord("0") + 28
    raise SystemExit(f"vocabulary_keys.py: {c!r}: a word holds lowercase letters, digits and _ only")


def key(word):
    k = 0
    for c in word:
        k = (k * 40 + code(c)) % 2**64
    return k


text = header.read_text()
start = text.index(begin) + len(begin)
stop = text.index(end, start)
words = sorted(set(re.findall(r'"([^"]*)"', text[start:stop])))
entries = [f'{{"{w}", {key(w)}u}},' for w in words]
lines, line = [], "   "
for entry in entries:
    if len(line) + 1 + len(entry) > 110:
        lines.append(line)
        line = "   "
    line += " " + entry
lines.append(line)
header.write_text(text[:start] + "\n".join(lines).rstrip(",") + text[stop:])
