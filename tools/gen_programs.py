#!/usr/bin/env python3
"""Generates the benchmark program files in programs/ (python3, standard library only).

Usage: tools/gen_programs.py [OUTPUT_DIR]   (default: programs/ next to this script's parent)

Each family follows the benchmark as described in the DPOR literature (Flanagan & Godefroid
POPL'05 for indexer and filesystem; Abdulla, Aronis, Jonsson & Sagonas POPL'14 / JACM'17 for
readers, lastzero, opt_lock and the others), written from scratch in the program-file format
(docs: /work/shared/design/program-format.md). expect.executions is the number of Mazurkiewicz
traces (the optimal-DPOR count) under the format's conflict relation; expect.why says where that
figure comes from. The output is deterministic, so re-running the script leaves git clean.
"""
import json
import math
import os
import sys


def write(out_dir, name, program):
    path = os.path.join(out_dir, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(program, f, indent=1)
        f.write("\n")


def program(name, description, threads, executions, why, shared=None, locks=None, verdict="safe"):
    p = {"name": name, "description": description}
    if shared is not None:
        p["shared"] = shared
    if locks is not None:
        p["locks"] = locks
    p["threads"] = threads
    p["expect"] = {"verdict": verdict, "executions": executions, "why": why}
    return p


def readers(n):
    """One writer stores x; n readers load it. Each reader is before or after the write: 2^n."""
    return program(
        f"readers-{n}", f"readers(N={n}): one writer and {n} readers of x (POPL'14)",
        [{"name": "writer", "code": [{"op": "store", "var": "x", "value": 42}]},
         {"name": "reader", "count": n, "code": [{"op": "load", "reg": "v", "var": "x"}]}],
        2 ** n, "2^N: each reader reads x before or after the single write",
        shared={"x": 0})


def lastzero(n):
    """Thread 0 scans a[n..0] down for the last zero; thread j>0 sets a[j] = a[j-1] + 1."""
    return program(
        f"lastzero-{n}", f"lastzero(N={n}) from Abdulla et al. POPL'14",
        [{"name": "reader", "locals": {"i": n}, "code": [
            {"label": "loop", "op": "load", "reg": "v", "var": "a", "index": "i"},
            {"op": "branch", "if": "v == 0", "goto": "done"},
            {"op": "set", "reg": "i", "expr": "i - 1"},
            {"op": "goto", "to": "loop"},
            {"label": "done", "op": "assert", "cond": "i >= 0"}]},
         {"name": "writer", "count": n, "code": [
             {"op": "load", "reg": "t", "var": "a", "index": "tid"},
             {"op": "store", "var": "a", "index": "tid + 1", "value": "t + 1"}]}],
        (n + 3) * 2 ** (n - 2), "(N+3)*2^(N-2), POPL'14 / JACM'17 tables",
        shared={"a": [0] * (n + 1)})


def indexer(n):
    """Flanagan & Godefroid's indexer: n threads each insert 4 messages into a 128-slot hash
    table with cas and linear probing; message m of thread tid is w = m*11 + tid, hashed to
    (w*7) % 128. Threads tid and tid-11 share three messages, so collisions start at 12 threads."""
    return program(
        f"indexer-{n}", f"indexer(N={n}) from Flanagan & Godefroid POPL'05 (cas-based insertion)",
        [{"name": "indexer", "count": n, "code": [
            {"label": "next", "op": "set", "reg": "m", "expr": "m + 1"},
            {"op": "set", "reg": "w", "expr": "m * 11 + tid"},
            {"op": "set", "reg": "h", "expr": "(w * 7) % 128"},
            {"label": "probe", "op": "cas", "var": "table", "index": "h", "expected": 0,
             "desired": "w", "reg": "ok"},
            {"op": "branch", "if": "ok != 0 && m < 4", "goto": "next"},
            {"op": "branch", "if": "ok != 0", "goto": "end"},
            {"op": "set", "reg": "h", "expr": "(h + 1) % 128"},
            {"op": "goto", "to": "probe"}]}],
        2 ** (3 * max(0, n - 11)), "2^(3(N-11)) for N >= 11: 8, 64, 512, 4096 at 12..15 (POPL'14 table)",
        shared={"table": [0] * 128})


def filesystem(n):
    """Flanagan & Godefroid's file system: thread tid takes inode tid % 32 under its lock and,
    if it has no block yet, searches blocks from (2*inode) % 26 under the block locks."""
    return program(
        f"filesystem-{n}", f"filesystem(N={n}) from Flanagan & Godefroid POPL'05",
        [{"name": "fs", "count": n, "code": [
            {"op": "set", "reg": "i", "expr": "tid % 32"},
            {"op": "lock", "lock": "locki", "index": "i"},
            {"op": "load", "reg": "v", "var": "inode", "index": "i"},
            {"op": "branch", "if": "v != 0", "goto": "done"},
            {"op": "set", "reg": "b", "expr": "(i * 2) % 26"},
            {"label": "probe", "op": "lock", "lock": "lockb", "index": "b"},
            {"op": "load", "reg": "used", "var": "busy", "index": "b"},
            {"op": "branch", "if": "used != 0", "goto": "taken"},
            {"op": "store", "var": "busy", "index": "b", "value": 1},
            {"op": "store", "var": "inode", "index": "i", "value": "b + 1"},
            {"op": "unlock", "lock": "lockb", "index": "b"},
            {"op": "goto", "to": "done"},
            {"label": "taken", "op": "unlock", "lock": "lockb", "index": "b"},
            {"op": "set", "reg": "b", "expr": "(b + 1) % 26"},
            {"op": "goto", "to": "probe"},
            {"label": "done", "op": "unlock", "lock": "locki", "index": "i"}]}],
        2 ** max(0, n - 13), "2^(N-13) for N >= 13 (POPL'14 table)",
        shared={"inode": [0] * 32, "busy": [0] * 26}, locks={"locki": 32, "lockb": 26})


def opt_lock(n):
    """Two threads each try up to n times: last_id = me; x = me; if last_id == me, read x, done."""
    return program(
        f"opt_lock-{n}", f"opt_lock(N={n}): optimistic locking, two threads, up to {n} attempts each",
        [{"name": "t", "count": 2, "locals": {"k": 0}, "code": [
            {"label": "attempt", "op": "store", "var": "last_id", "value": "tid + 1"},
            {"op": "store", "var": "x", "value": "tid + 1"},
            {"op": "load", "reg": "last", "var": "last_id"},
            {"op": "branch", "if": "last != tid + 1", "goto": "retry"},
            {"op": "load", "reg": "v", "var": "x"},
            {"op": "goto", "to": "end"},
            {"label": "retry", "op": "set", "reg": "k", "expr": "k + 1"},
            {"op": "branch", "if": "k < " + str(n), "goto": "attempt"}]}],
        {2: 42, 3: 126}[n], "Nidhugg's opt_lock test: 42 traces at N=2, 126 at N=3",
        shared={"last_id": 0, "x": 0})


def writers(w):
    return program(
        f"writers-{w}", f"writers(W={w}): {w} threads store to x",
        [{"name": "writer", "count": w, "code": [{"op": "store", "var": "x", "value": "tid + 1"}]}],
        math.factorial(w), "W!: every order of the writes is a different trace", shared={"x": 0})


def writers_reader(w):
    return program(
        f"writers-reader-{w}", f"{w} writers of x and one reader",
        [{"name": "writer", "count": w, "code": [{"op": "store", "var": "x", "value": "tid + 1"}]},
         {"name": "reader", "code": [{"op": "load", "reg": "v", "var": "x"}]}],
        math.factorial(w + 1), "(W+1)!: W! write orders times W+1 places for the read",
        shared={"x": 0})


def lockinc(t):
    return program(
        f"lockinc-{t}", f"lockinc(T={t}): {t} threads increment x under a mutex",
        [{"name": "inc", "count": t, "code": [
            {"op": "lock", "lock": "m"},
            {"op": "load", "reg": "v", "var": "x"},
            {"op": "store", "var": "x", "value": "v + 1"},
            {"op": "unlock", "lock": "m"},
            {"op": "assert", "cond": "v < " + str(t)}]}],
        math.factorial(t), "T!: the critical sections run in some order", shared={"x": 0}, locks=["m"])


def rmwinc(t, n):
    return program(
        f"rmwinc-{t}-{n}", f"rmwinc(T={t}, N={n}): {t} threads each fetch_add x {n} times",
        [{"name": "inc", "count": t, "code": [{"op": "fetch_add", "var": "x", "value": 1}] * n}],
        math.factorial(t * n) // math.factorial(n) ** t,
        "(TN)!/(N!)^T: every order of the writes, each thread's in program order", shared={"x": 0})


def rwinc(t, n):
    return program(
        f"rwinc-{t}-{n}", f"rwinc(T={t}, N={n}): {t} threads each increment x {n} times non-atomically",
        [{"name": "inc", "count": t, "code": [
            {"op": "load", "reg": "v", "var": "x"},
            {"op": "store", "var": "x", "value": "v + 1"}] * n}],
        {(2, 2): 34, (3, 2): 7134}.get((t, n)), "published: rwinc(2,2) = 34, rwinc(3,2) = 7134",
        shared={"x": 0})


def popl14():
    """The four-process example of Abdulla et al. POPL'14 (section 2): 5 traces, 69 interleavings."""
    return program(
        "popl14", "POPL'14 running example: p writes x, q writes y, r writes z if it saw y == 0, "
        "s reads x only if it saw z == 1 and then y == 0",
        [{"name": "p", "code": [{"op": "store", "var": "x", "value": 1}]},
         {"name": "q", "code": [{"op": "store", "var": "y", "value": 1}]},
         {"name": "r", "code": [
             {"op": "load", "reg": "m", "var": "y"},
             {"op": "branch", "if": "m != 0", "goto": "end"},
             {"op": "store", "var": "z", "value": 1}]},
         {"name": "s", "code": [
             {"op": "load", "reg": "n", "var": "z"},
             {"op": "branch", "if": "n != 1", "goto": "end"},
             {"op": "load", "reg": "l", "var": "y"},
             {"op": "branch", "if": "l != 0", "goto": "end"},
             {"op": "load", "reg": "o", "var": "x"}]}],
        5, "5 traces (POPL'14); dfs explores 69 interleavings",
        shared={"x": 0, "y": 0, "z": 0})


def casrot(n):
    """Thread tid does cas(x, tid, tid + 1): the value can only rotate upward through the threads
    in tid order; a cas that finds another value fails (a read)."""
    return program(
        f"casrot-{n}", f"casrot(N={n}): thread tid does cas(x, tid, tid + 1)",
        [{"name": "t", "count": n, "code": [
            {"op": "cas", "var": "x", "expected": "tid", "desired": "tid + 1", "reg": "ok"}]}],
        {2: 2, 3: 5, 4: 14, 5: 43, 6: 144, 7: 523, 8: 2048, 9: 8597}[n],
        "published casrot(2..9) = 2, 5, 14, 43, 144, 523, 2048, 8597; program reconstructed, "
        "counts confirmed by the brute-force class counter for every size", shared={"x": 0})


def casw(n):
    """Thread tid does cas(x, 0, tid + 1) and then stores tid + 1 to x."""
    return program(
        f"casw-{n}", f"casw(N={n}): thread tid does cas(x, 0, tid + 1), then x = tid + 1",
        [{"name": "t", "count": n, "code": [
            {"op": "cas", "var": "x", "expected": 0, "desired": "tid + 1", "reg": "ok"},
            {"op": "store", "var": "x", "value": "tid + 1"}]}],
        {2: 6, 3: 66, 4: 1200, 5: 32880}[n],
        "published casw(2..5) = 6, 66, 1200, 32880; program reconstructed, counts confirmed by the "
        "brute-force class counter for every size", shared={"x": 0})


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "programs")
    os.makedirs(out_dir, exist_ok=True)
    families = (
        [readers(n) for n in (2, 3, 4, 8, 13)]
        + [lastzero(n) for n in (3, 4, 5, 10, 15)]
        + [indexer(n) for n in (2, 12, 13, 14, 15)]
        + [filesystem(n) for n in (13, 14, 16, 19)]
        + [opt_lock(n) for n in (2, 3)]
        + [writers(w) for w in (2, 3, 5)]
        + [writers_reader(w) for w in (2, 3, 5)]
        + [lockinc(t) for t in (2, 3, 5)]
        + [rmwinc(3, 2)]
        + [rwinc(2, 2), rwinc(3, 2)]
        + [popl14()]
        + [casrot(n) for n in range(2, 10)]
        + [casw(n) for n in range(2, 6)]
    )
    for p in families:
        write(out_dir, p["name"], p)


if __name__ == "__main__":
    main()
