"""The C++, Java and Rust toolchains: builds, harnesses and the verdicts their runs get.

Every language's program goes through the same steps as the Python one in test_execution.py:
``frontend.program(...)`` gives a ProgramSpec, a Builder builds it (a compile error is the
compiler's message), and ``run_function`` runs the harness in the sandbox, in both layers.
A language whose toolchain is missing is skipped, except under CI=true, where it fails.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

import effiskel
from effiskel.datamodel import Parameter, Signature, Solution, Task, TaskKind, Verdict
from effiskel.evaluation import Evaluator, prepare
from effiskel.execution import Builder, run_built, run_function
from effiskel.harness import decode, encode, parse_type
from effiskel.sandbox import BUBBLEWRAP, RLIMIT, Limits, bubblewrap_works

LANGUAGES = ("cpp", "java", "rust")
SIGNATURE = Signature("count_pairs", [Parameter("values", "list[int]"), Parameter("limit", "int")], "int")


def pair_count(values, limit):
    return sum(1 for i in range(len(values)) for j in range(i + 1, len(values)) if values[i] + values[j] <= limit)


INPUTS = [[[1, 2, 3], 4], [[5, 1, 1, 1], 2], [list(range(50)), 30], [[], 0], [[3, -7, 2**40, -(2**40)], 1]]
EXPECTED = [pair_count(*args) for args in INPUTS]

# One solution per language whose behaviour the limit picks: limit >= 0 counts the pairs
# correctly; -1 throws "boom"; -2 loops forever; -3 answers one too many. It always prints to
# stdout, and it destroys its input after use (taking it by mutable reference where the
# language lets it choose), so that only fresh copies on every call give the right answer.
BEHAVIOURS = {
    "cpp": r"""
#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

long long count_pairs(std::vector<long long>& values, long long limit) {
    std::printf("debugging output must not disturb the harness\n");
    if (limit == -1) throw std::runtime_error("boom");
    if (limit == -2) { volatile long long spin = 0; for (;;) spin = spin + 1; }
    std::sort(values.begin(), values.end());
    long long lo = 0, hi = (long long)values.size() - 1, pairs = 0;
    while (lo < hi) {
        if (values[lo] + values[hi] <= limit) { pairs += hi - lo; ++lo; } else { --hi; }
    }
    for (auto& v : values) v = -1000000;
    return limit == -3 ? pairs + 1 : pairs;
}
""",
    "java": r"""
import java.util.Arrays;
import java.util.Comparator;

class Solution {
    static final class Counter { long pairs; }

    static long spin() { long s = 0; while (true) { s++; } }

    static long count_pairs(long[] values, long limit) {
        System.out.println("debugging output must not disturb the harness");
        if (limit == -1) throw new IllegalStateException("boom");
        if (limit == -2) return spin();
        Long[] boxed = Arrays.stream(values).boxed().toArray(Long[]::new);
        Arrays.sort(boxed, new Comparator<Long>() {  // an anonymous class: Solution$1.class
            public int compare(Long a, Long b) { return Long.compare(a, b); }
        });
        for (int i = 0; i < values.length; i++) values[i] = boxed[i];
        Counter c = new Counter();
        int lo = 0, hi = values.length - 1;
        while (lo < hi) {
            if (values[lo] + values[hi] <= limit) { c.pairs += hi - lo; lo++; } else { hi--; }
        }
        Helper.destroy(values);
        return limit == -3 ? c.pairs + 1 : c.pairs;
    }
}

class Helper {
    static void destroy(long[] values) { Arrays.fill(values, -1000000); }
}
""",
    "rust": r"""
fn count_pairs(values: &mut Vec<i64>, limit: i64) -> i64 {
    println!("debugging output must not disturb the harness");
    if limit == -1 {
        panic!("boom");
    }
    if limit == -2 {
        let mut spin: u64 = 0;
        loop {
            spin = std::hint::black_box(spin + 1);
        }
    }
    values.sort();
    let (mut lo, mut hi, mut pairs) = (0i64, values.len() as i64 - 1, 0i64);
    while lo < hi {
        if values[lo as usize] + values[hi as usize] <= limit {
            pairs += hi - lo;
            lo += 1;
        } else {
            hi -= 1;
        }
    }
    for v in values.iter_mut() {
        *v = -1000000;
    }
    if limit == -3 { pairs + 1 } else { pairs }
}
""",
}

COMPILE_ERRORS = {
    "cpp": ("#include <vector>\nlong long count_pairs(std::vector<long long> v, long long l) {\n"
            "    return undefined_name;\n}\n", "undefined_name"),
    "java": ("class Solution {\n    static long count_pairs(long[] v, long l) {\n        return undefined_name;\n"
             "    }\n}\n", "undefined_name"),
    "rust": ("fn count_pairs(v: Vec<i64>, l: i64) -> i64 {\n    undefined_name\n}\n", "undefined_name"),
}

STDIO = {
    "cpp": '#include <cstdio>\nint main() { long long a, b; std::scanf("%lld %lld", &a, &b); '
           'std::printf("%lld\\n", a + b); }\n',
    "java": "import java.io.*;\nimport java.util.*;\n\npublic class Main {\n"
            "    public static void main(String[] args) throws IOException {\n"
            "        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n"
            "        StringTokenizer t = new StringTokenizer(in.readLine());\n"
            "        System.out.println(Long.parseLong(t.nextToken()) + Long.parseLong(t.nextToken()));\n"
            "    }\n}\n",
    "rust": "use std::io::Read;\nfn main() {\n    let mut s = String::new();\n"
            "    std::io::stdin().read_to_string(&mut s).unwrap();\n"
            "    let v: Vec<i64> = s.split_whitespace().map(|w| w.parse().unwrap()).collect();\n"
            '    println!("{}", v[0] + v[1]);\n}\n',
}

# Identity-like functions, one per type, each written the way a solution of that language may
# take its arguments (by value, const&, a slice, &str, ...).
ECHO = {
    "cpp": {
        "list[list[int]]": "#include <vector>\nstd::vector<std::vector<long long>> echo("
                           "const std::vector<std::vector<long long>>& x) { return x; }\n",
        "list[str]": "#include <string>\n#include <vector>\n"
                     "std::vector<std::string> echo(std::vector<std::string> x) { return x; }\n",
        "float": "double echo(double x) { return x; }\n",
        "list[float]": "#include <vector>\nstd::vector<double> echo(const std::vector<double>& x) { return x; }\n",
        "bool": "bool echo(bool x) { return x; }\n",
        "list[list[str]]": "#include <string>\n#include <vector>\nusing namespace std;\n"
                           "vector<vector<string>> echo(vector<vector<string>> x) { return x; }\n",
        "str": "#include <string>\nstd::string echo(const std::string& x) { return x; }\n",
    },
    "java": {
        "list[list[int]]": "class Solution { static long[][] echo(long[][] x) { return x; } }\n",
        "list[str]": "class Solution { static String[] echo(String[] x) { return x; } }\n",
        "float": "class Solution { static double echo(double x) { return x; } }\n",
        "list[float]": "class Solution { static double[] echo(double[] x) { return x; } }\n",
        "bool": "class Solution { static boolean echo(boolean x) { return x; } }\n",
        "list[list[str]]": "class Solution { static String[][] echo(String[][] x) { return x; } }\n",
        "str": "class Solution { static String echo(String x) { return x; } }\n",
    },
    "rust": {
        "list[list[int]]": "fn echo(x: Vec<Vec<i64>>) -> Vec<Vec<i64>> { x }\n",
        "list[str]": "fn echo(x: &[String]) -> Vec<String> { x.to_vec() }\n",
        "float": "fn echo(x: f64) -> f64 { x }\n",
        "list[float]": "fn echo(x: &Vec<f64>) -> Vec<f64> { x.clone() }\n",
        "bool": "fn echo(x: bool) -> bool { x }\n",
        "list[list[str]]": "fn echo(x: Vec<Vec<String>>) -> Vec<Vec<String>> { x }\n",
        "str": "fn echo(x: &str) -> String { x.to_string() }\n",
    },
}

FLOATS = [math.inf, -math.inf, math.nan, 0.1, -0.0, 0.0, 1e-07, 1.7976931348623157e308, 5e-324,
          123456789.125, 1e22, -2.5, 1 / 3]
STRINGS = ["a b", "", "ünïcödé ✓ 𝄞", "tab\there", "line\nbreak", "  ", "5 hello"]
VALUES = {
    "list[list[int]]": [[[1, -2, 3], [], [2**63 - 1, -(2**63)]], [[]], [], [[0]]],
    "list[str]": [STRINGS, [], [""]],
    "float": FLOATS,
    "list[float]": [FLOATS, []],
    "bool": [True, False],
    "list[list[str]]": [[[], [""], ["x", "y z", "ü"]], [], [[]]],
    "str": STRINGS,
}


def _layers():
    return [pytest.param(BUBBLEWRAP, id="bubblewrap"), pytest.param(RLIMIT, id="rlimit")]


def _need_layer(layer):
    if layer == BUBBLEWRAP and (why := bubblewrap_works()):
        if os.environ.get("CI") == "true":
            pytest.fail(f"bubblewrap does not work here: {why}")
        pytest.skip(f"bubblewrap does not work here: {why}")


def _frontend(language):
    frontend = effiskel.get_language(language)
    problem = frontend.toolchain_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the {language} toolchain is missing under CI: {problem}")
        pytest.skip(f"no {language} toolchain: {problem}")
    return frontend


@pytest.fixture(scope="module")
def builder(tmp_path_factory):
    """One temporary build cache for the module: a program built once serves every test."""
    return Builder(cache_dir=tmp_path_factory.mktemp("toolchain-cache"))


def build(builder, language, source, signature=SIGNATURE, kind=TaskKind.FUNCTION):
    result = builder.build(_frontend(language).program(source, kind, signature))
    assert result.ok, result.message
    return result


@pytest.mark.parametrize("language", LANGUAGES)
def test_toolchain_problem_is_none_or_a_reason(language):
    problem = effiskel.get_language(language).toolchain_problem()
    assert problem is None or (isinstance(problem, str) and problem)


@pytest.mark.parametrize("layer", _layers())
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_correct_solution_passes_with_timings_on_fresh_copies(builder, language, layer):
    _need_layer(layer)
    built = build(builder, language, BEHAVIOURS[language])
    runs, outcome = run_function(built, SIGNATURE, INPUTS, EXPECTED, warmup=1, repeat=3, layer=layer,
                                 limits=Limits(wall_seconds=10))
    assert [r.verdict for r in runs] == [Verdict.PASSED] * len(INPUTS), [r.message for r in runs]
    # The solution destroys its input after each call: a copy shared between calls would show.
    assert [r.value for r in runs] == EXPECTED
    assert all(len(r.times_ns) == 3 and min(r.times_ns) > 0 for r in runs)
    assert outcome.layer == layer
    assert b"debugging output" in outcome.stdout  # printed, and ignored by the harness
    assert 0 < outcome.max_rss_bytes < 1 << 30 and outcome.cpu_seconds >= 0


@pytest.mark.parametrize("layer", _layers())
@pytest.mark.parametrize(
    ("limit", "verdict", "message"),
    [(-3, Verdict.WRONG_ANSWER, "input 0: got 1"), (-1, Verdict.RUNTIME_ERROR, "boom"),
     (-2, Verdict.TIMEOUT, "timed out")],
    ids=["wrong-answer", "runtime-error", "timeout"],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_failures_get_their_verdict(builder, language, limit, verdict, message, layer):
    _need_layer(layer)
    built = build(builder, language, BEHAVIOURS[language])
    inputs = [[[1, 2, 3], limit], [[1, 2], 5]]
    runs, _ = run_function(built, SIGNATURE, inputs, [0, 1], layer=layer, limits=Limits(wall_seconds=2))
    assert runs[0].verdict is verdict, runs
    assert message in runs[0].message
    if verdict is not Verdict.WRONG_ANSWER:  # a crash or a timeout ends the run
        assert [r.verdict for r in runs] == [verdict, verdict]


def test_error_messages_name_the_exception(builder):
    """The one-line error of each language says what was thrown."""
    expected = {"cpp": "std::runtime_error: boom", "java": "java.lang.IllegalStateException: boom",
                "rust": "panicked at solution.rs:"}
    for language, text in expected.items():
        built = build(builder, language, BEHAVIOURS[language])
        runs, _ = run_function(built, SIGNATURE, [[[1], -1]], [0], limits=Limits(wall_seconds=5))
        assert text in runs[0].message, runs[0].message
        assert "boom" in runs[0].message


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_compile_error_is_reported_with_the_compilers_message(builder, language, tmp_path):
    source, needle = COMPILE_ERRORS[language]
    spec = _frontend(language).program(source, TaskKind.FUNCTION, SIGNATURE)
    failed = builder.build(spec)
    assert not failed.ok and needle in failed.message and not failed.cached
    assert "error" in failed.message.lower()
    task = Task(id="pairs", statement="count pairs", signature=SIGNATURE)
    prepared_task = prepare_fixed(task)
    result = Evaluator(builder=builder).run(Solution(task_id="pairs", language=language, source=source),
                                            prepared_task)
    assert result.verdict is Verdict.COMPILE_ERROR and needle in result.message


def prepare_fixed(task):
    from effiskel.evaluation import PreparedTask
    from effiskel.inputs import TaskInput

    return PreparedTask(task, [TaskInput(f"t{i}", 0, args, e) for i, (args, e) in enumerate(zip(INPUTS, EXPECTED))],
                        EXPECTED)


@pytest.mark.parametrize("language", LANGUAGES)
def test_baseline_mode_reads_inputs_and_never_calls(builder, language):
    built = build(builder, language, BEHAVIOURS[language])
    # limit -1 would throw: in baseline mode the solution is never called.
    inputs = [[[1, 2, 3], -1], [list(range(1000)), -2]]
    runs, outcome = run_function(built, SIGNATURE, inputs, None, repeat=0, limits=Limits(wall_seconds=5))
    assert [r.verdict for r in runs] == [Verdict.PASSED] * 2 and all(r.value is None for r in runs)
    words = outcome.channel.split()
    assert words[:2] == [b"skip", b"skip"] and words[2] == b"done" and len(words) == 5
    assert float(words[3]) >= 0 and int(words[4]) > 0
    assert b"debugging output" not in outcome.stdout


@pytest.mark.parametrize("type_text", list(VALUES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_type_round_trips_through_the_harness(builder, language, type_text):
    value_type = parse_type(type_text)
    signature = Signature("echo", [Parameter("x", type_text)], type_text)
    built = build(builder, language, ECHO[language][type_text], signature)
    values = VALUES[type_text]
    runs, outcome = run_function(built, signature, [[v] for v in values], None, repeat=2,
                                 limits=Limits(wall_seconds=10))
    assert [r.verdict for r in runs] == [Verdict.PASSED] * len(values), [r.message for r in runs]
    for run, value in zip(runs, values):
        # What effiskel reads back is what it sent: compared in the value format itself, so
        # that nan equals nan and -0.0 differs from 0.0.
        assert encode(run.value, value_type) == encode(decode(encode(value, value_type), value_type), value_type)


@pytest.mark.parametrize("layer", _layers())
@pytest.mark.parametrize("language", LANGUAGES)
def test_stdio_programs_read_stdin_and_write_stdout(builder, language, layer):
    _need_layer(layer)
    built = build(builder, language, STDIO[language], None, TaskKind.STDIO)
    outcome = run_built(built, b"40 2\n", Limits(wall_seconds=10), layer=layer)
    assert outcome.ok, outcome.stderr_text
    assert outcome.stdout.strip() == b"42"


@pytest.mark.parametrize("language", LANGUAGES)
def test_unsupported_types_are_refused(language):
    frontend = effiskel.get_language(language)
    with pytest.raises(ValueError, match="py"):
        frontend.program("", TaskKind.FUNCTION, Signature("f", [Parameter("x", "py")], "int"))
    with pytest.raises(ValueError, match="signature"):
        frontend.program("", TaskKind.FUNCTION, None)


def test_java_memory_limit_is_the_heap(builder):
    source = ("class Solution {\n    static long count_pairs(long[] v, long l) {\n"
              "        long[][] keep = new long[1 << 20][];\n"
              "        for (int i = 0; i < keep.length; i++) keep[i] = new long[1 << 10];\n"
              "        return keep.length;\n    }\n}\n")
    built = build(builder, "java", source)
    # A small heap: filling 2 GiB with small arrays under the serial collector takes from 3 s to
    # over 10 s on a loaded 2-core machine, and the wall limit would then win the race.
    limits = Limits(wall_seconds=30, memory_bytes=256 * 1024 * 1024)
    runs, _ = run_function(built, SIGNATURE, INPUTS[:2], EXPECTED[:2], limits=limits)
    assert runs[0].verdict is Verdict.MEMORY_LIMIT and "OutOfMemoryError" in runs[0].message


def test_cpp_bad_alloc_is_a_memory_limit(builder):
    source = ("#include <vector>\nlong long count_pairs(std::vector<long long> v, long long l) {\n"
              "    std::vector<long long> big(1LL << 40);\n    return (long long)big.size();\n}\n")
    built = build(builder, "cpp", source)
    runs, _ = run_function(built, SIGNATURE, INPUTS[:2], EXPECTED[:2], limits=Limits(wall_seconds=5))
    assert runs[0].verdict is Verdict.MEMORY_LIMIT and "bad_alloc" in runs[0].message


def test_an_out_of_memory_error_on_the_last_input_is_a_memory_limit(builder):
    source = ("#include <vector>\nlong long count_pairs(std::vector<long long> v, long long l) {\n"
              "    std::vector<long long> big(1LL << 40);\n    return (long long)big.size();\n}\n")
    built = build(builder, "cpp", source)
    runs, _ = run_function(built, SIGNATURE, INPUTS[:1], EXPECTED[:1], limits=Limits(wall_seconds=5))
    assert runs[0].verdict is Verdict.MEMORY_LIMIT


def test_rust_solutions_may_take_slices_and_return_other_integer_types(builder):
    source = "fn count_pairs(values: &[i64], limit: i64) -> usize {\n    let n = values.len();\n" \
             "    (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j)))\n" \
             "        .filter(|&(i, j)| values[i] + values[j] <= limit).count()\n}\n"
    built = build(builder, "rust", source)
    runs, _ = run_function(built, SIGNATURE, INPUTS, EXPECTED, limits=Limits(wall_seconds=5))
    assert [r.verdict for r in runs] == [Verdict.PASSED] * len(INPUTS)


def test_java_and_cpp_accept_other_return_types(builder):
    """A Java List<Integer> (from a LeetCode-style instance method) and a C++ std::vector<int>
    are written as list[int] too."""
    signature = Signature("f", [Parameter("n", "int")], "list[int]")
    java = ("import java.util.*;\nclass Solution {\n    public List<Integer> f(long n) {\n"
            "        List<Integer> out = new ArrayList<>();\n        for (int i = 0; i < n; i++) out.add(i);\n"
            "        return out;\n    }\n}\n")
    cpp = ("#include <vector>\nstd::vector<int> f(long long n) {\n    std::vector<int> out;\n"
           "    for (int i = 0; i < n; ++i) out.push_back(i);\n    return out;\n}\n")
    for language, source in (("java", java), ("cpp", cpp)):
        built = build(builder, language, source, signature)
        runs, _ = run_function(built, signature, [[3], [0]], [[0, 1, 2], []], limits=Limits(wall_seconds=10))
        assert [r.verdict for r in runs] == [Verdict.PASSED] * 2, (language, runs)


# -- the bundled suite's C++ and Java solutions -------------------------------------------------

SUITE = Path(effiskel.__file__).parent / "suite"


def _suite_cases():
    cases = []
    for folder in sorted(SUITE.iterdir()) if SUITE.is_dir() else ():
        for language in ("cpp", "java"):
            if (folder / "solutions" / language).is_dir():
                cases.append(pytest.param(folder.name, language, id=f"{folder.name}-{language}"))
    return cases


@cache
def _prepared(task_id):
    from effiskel.datasets.suite import load_task

    return prepare(load_task(SUITE / task_id), levels=[0])


@pytest.mark.parametrize(("task_id", "language"), _suite_cases())
def test_suite_solutions_pass_at_level_0(builder, task_id, language):
    _frontend(language)
    from effiskel.datasets.suite import solutions

    prepared = _prepared(task_id)
    evaluator = Evaluator(builder=builder, limits=Limits(wall_seconds=20))
    sols = solutions(prepared.task, language)
    assert sols, f"{task_id} has an empty solutions/{language} folder"
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda s: evaluator.run(s, prepared), sols))
    failures = [f"{r.solution.meta['file']}: {r.verdict.value}: {r.message[:300]}" for r in results if not r.passed]
    assert not failures, "\n".join(failures)


DEEP = {
    "cpp": "long long depth(long long n) { return n == 0 ? 0 : 1 + depth(n - 1); }\n",
    "java": "class Solution { static long depth(long n) { return n == 0 ? 0 : 1 + depth(n - 1); } }\n",
    "rust": "fn depth(n: i64) -> i64 { if n == 0 { 0 } else { 1 + depth(n - 1) } }\n",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_deep_recursion_has_a_large_stack(builder, language):
    """A depth-first search on a path of a million nodes recurses a million deep."""
    signature = Signature("depth", [Parameter("n", "int")], "int")
    built = build(builder, language, DEEP[language], signature)
    runs, outcome = run_function(built, signature, [[1_000_000]], [1_000_000], limits=Limits(wall_seconds=10))
    assert runs[0].verdict is Verdict.PASSED, (runs, outcome.stderr_text[-500:])
