"""The plain 13-gram decontamination pass of lm-evaluation-harness (its Janitor: lowercase,
punctuation to spaces, split into words, a set of 13-gram tuples of the benchmark, each training
text checked against it), without near duplicates or the structure: the baseline issue 15 names
for bench/orthogonality-gate.ts, which writes the texts (one JSON string a line) and runs this.

    python3 bench/thirteen-gram-baseline.py DIR    # DIR/items.jsonl, DIR/instances.jsonl
"""
import json
import string
import sys
import time

N = 13
TABLE = str.maketrans(string.punctuation, " " * len(string.punctuation))


def words(text):
    return text.lower().translate(TABLE).split()


def main(folder):
    with open(f"{folder}/items.jsonl") as f:
        items = [json.loads(line) for line in f]
    with open(f"{folder}/instances.jsonl") as f:
        instances = [json.loads(line) for line in f]
    t0, c0 = time.perf_counter(), time.process_time()
    grams = set()
    for text in items:
        w = words(text)
        grams.update(tuple(w[i : i + N]) for i in range(len(w) - N + 1))
    t1, c1 = time.perf_counter(), time.process_time()
    contaminated = 0
    for text in instances:
        w = words(text)
        if any(tuple(w[i : i + N]) in grams for i in range(len(w) - N + 1)):
            contaminated += 1
    t2, c2 = time.perf_counter(), time.process_time()
    print(
        f"index {t1 - t0:.2f} s (cpu {c1 - c0:.2f}), check {t2 - t1:.2f} s (cpu {c2 - c1:.2f}), "
        f"total {t2 - t0:.2f} s (cpu {c2 - c0:.2f}); {len(grams)} item 13-grams, {contaminated} instances with one"
    )


if __name__ == "__main__":
    main(sys.argv[1])
