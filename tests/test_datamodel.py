"""The data model: lossless JSON round trips (cattrs) for every class, and validation errors."""

from __future__ import annotations

import enum
import hashlib
import inspect
import json

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from effiskel import datamodel as dm
from effiskel.errors import DataError
from effiskel.serialization import from_json, structure, to_json, unstructure

# --------------------------------------------------------------------------------------------
# Strategies

text = st.text(max_size=12)
names = st.from_regex(r"[a-z][a-z0-9_+-]{0,7}", fullmatch=True)
identifiers = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,7}", fullmatch=True)
finite = st.floats(allow_nan=False, allow_infinity=False)
optional_finite = st.none() | finite
small_ints = st.integers(min_value=0, max_value=10**6)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | finite | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
json_dicts = st.dictionaries(text, json_values, max_size=3)
spans = st.lists(st.tuples(small_ints, small_ints), max_size=4).map(tuple)


def tuples(strategy: st.SearchStrategy, max_size: int = 3) -> st.SearchStrategy:
    return st.lists(strategy, max_size=max_size).map(tuple)


parameters = st.builds(dm.Parameter, name=identifiers, type=text)
signatures = st.builds(dm.Signature, entry_point=identifiers, parameters=tuples(parameters),
                       returns=text)
test_cases = st.builds(dm.TestCase, input=text, expected=st.none() | text, level=small_ints)
generators = st.builds(dm.InputGenerator, source=text, levels=tuples(small_ints),
                       cases_per_level=tuples(small_ints), entry_point=identifiers)
checkers = st.builds(dm.Checker, kind=st.sampled_from(["exact", "tokens", "float", "custom"]),
                     source=st.none() | text, entry_point=identifiers, tolerance=finite)


@st.composite
def solutions(draw, task_id=None, language=None) -> dm.Solution:
    fields = dict(
        task_id=draw(text) if task_id is None else task_id,
        language=draw(names) if language is None else language,
        source=draw(text),
        origin=draw(text),
        meta=draw(json_dicts),
    )
    if draw(st.booleans()):
        fields["id"] = draw(text)  # an id given explicitly is kept as it is
    return dm.Solution(**fields)


@st.composite
def tasks(draw) -> dm.Task:
    kind = draw(st.sampled_from(dm.TaskKind))
    task_id = draw(text.filter(bool))
    references = draw(st.dictionaries(names, st.lists(solutions(task_id=task_id), max_size=2)
                                      .map(tuple), max_size=2))
    return dm.Task(
        id=task_id,
        statement=draw(text),
        kind=kind,
        signature=draw(signatures if kind is dm.TaskKind.FUNCTION else st.none() | signatures),
        tests=draw(tuples(test_cases)),
        generator=draw(st.none() | generators),
        checker=draw(checkers),
        references=references,
        source=draw(text),
        meta=draw(json_dicts),
    )


@st.composite
def solution_groups(draw) -> dm.SolutionGroup:
    task_id, language = draw(text), draw(names)
    members = tuples(solutions(task_id=task_id, language=language))
    return dm.SolutionGroup(task_id, language, draw(members), draw(members))


measurements = st.builds(
    dm.Measurement, measurer=names, unit=text, samples=tuples(finite, 5), location=finite,
    location_method=st.sampled_from(["median", "hodges-lehmann"]), dispersion=finite,
    dispersion_method=text, ci_low=optional_finite, ci_high=optional_finite,
    deterministic=st.booleans(),
)
run_results = st.builds(
    dm.RunResult, solution_id=text, task_id=text, verdict=st.sampled_from(dm.Verdict),
    layer=st.sampled_from(["bubblewrap", "rlimit"]), input_id=text,
    exit_code=st.none() | st.integers(-255, 255), signal=st.none() | st.integers(1, 64),
    stderr_tail=text, message=text, measurements=tuples(measurements, 2),
)
skeletons = st.builds(dm.Skeleton, solution_id=text, strategy=names,
                      keep=tuples(st.booleans(), 8), rendered=text, spans=spans, params=json_dicts)
skeleton_failures = st.builds(dm.SkeletonFailure, solution_id=text, strategy=names, reason=text)
training_examples = st.builds(
    dm.TrainingExample, task_id=text, solution_id=text, prompt=text, code=text, skeleton=text,
    skeleton_spans=spans, language=names,
)
metric_values = st.builds(dm.MetricValue, name=text, value=finite, n_tasks=small_ints,
                          ci_low=optional_finite, ci_high=optional_finite,
                          confidence=st.floats(0, 1))
reports = st.builds(dm.Report, title=text,
                    metrics=st.dictionaries(text, tuples(metric_values), max_size=3),
                    details=json_dicts)

STRATEGIES: dict[type, st.SearchStrategy] = {
    dm.Parameter: parameters,
    dm.Signature: signatures,
    dm.TestCase: test_cases,
    dm.InputGenerator: generators,
    dm.Checker: checkers,
    dm.Solution: solutions(),
    dm.Task: tasks(),
    dm.SolutionGroup: solution_groups(),
    dm.Measurement: measurements,
    dm.RunResult: run_results,
    dm.Skeleton: skeletons,
    dm.SkeletonFailure: skeleton_failures,
    dm.TrainingExample: training_examples,
    dm.MetricValue: metric_values,
    dm.Report: reports,
}

ROUND_TRIP = settings(max_examples=75, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _datamodel_members(predicate) -> set[type]:
    return {
        obj for _, obj in inspect.getmembers(dm, inspect.isclass)
        if obj.__module__ == dm.__name__ and predicate(obj)
    }


# --------------------------------------------------------------------------------------------
# Round trips


def test_every_attrs_class_has_a_strategy() -> None:
    missing = _datamodel_members(attrs.has) - set(STRATEGIES)
    assert not missing, f"no round-trip strategy for {sorted(c.__name__ for c in missing)}"


@pytest.mark.parametrize("cls", sorted(STRATEGIES, key=lambda c: c.__name__),
                         ids=lambda c: c.__name__)
@ROUND_TRIP
@given(data=st.data())
def test_json_round_trip_is_lossless(cls: type, data: st.DataObject) -> None:
    obj = data.draw(STRATEGIES[cls])
    assert isinstance(obj, cls)
    text_ = to_json(obj)
    back = from_json(cls, text_)
    assert back == obj
    assert type(back) is cls
    assert to_json(back) == text_  # and the text is stable
    assert from_json(cls, to_json(obj, indent=2)) == obj
    # The plain data is JSON-ready: dicts with string keys, sequences, strings, numbers, None.
    _assert_plain(unstructure(obj))


def _assert_plain(value: object) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            _assert_plain(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _assert_plain(item)
    else:
        assert value is None or type(value) in (str, int, float, bool), repr(value)


@pytest.mark.parametrize("cls", sorted(_datamodel_members(lambda c: issubclass(c, enum.Enum)),
                                       key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_enums_round_trip_as_their_values(cls: type[enum.Enum]) -> None:
    for member in cls:
        assert to_json(member) == json.dumps(member.value)
        assert from_json(cls, to_json(member)) is member


def test_tuples_come_back_as_tuples() -> None:
    task = dm.Task("t", "s", kind=dm.TaskKind.STDIO, tests=[dm.TestCase("1")])
    back = from_json(dm.Task, to_json(task))
    assert isinstance(back.tests, tuple)
    skeleton = dm.Skeleton("s", "lexical", [True, False], "x _", [(0, 1)])
    back_skel = from_json(dm.Skeleton, to_json(skeleton))
    assert back_skel.spans == ((0, 1),) and isinstance(back_skel.spans[0], tuple)
    assert back_skel.keep == (True, False)


# --------------------------------------------------------------------------------------------
# Errors name the field


def _task_json() -> dict:
    task = dm.Task(
        "t1", "add two numbers", signature=dm.Signature("add", [dm.Parameter("a", "int")], "int"),
        tests=[dm.TestCase("[1]", "1"), dm.TestCase("[2]", "2", level=1)],
        references={"python": (dm.Solution("t1", "python", "def add(a): return a"),)},
    )
    return json.loads(to_json(task))


def _error(cls: type, data: object) -> DataError:
    with pytest.raises(DataError) as info:
        structure(cls, data)
    return info.value


def test_wrong_type_names_the_field() -> None:
    data = _task_json()
    data["statement"] = 5
    message = str(_error(dm.Task, data))
    assert "$.statement" in message
    assert "expected str" in message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("deterministic", "false", "expected bool"),  # would be True by bool("false")
        ("deterministic", 0, "expected bool"),
        ("location", "1.5", "expected float"),
        ("location", True, "expected float"),
        ("unit", 1, "expected str"),
        ("samples", "1.0", "samples"),
        ("ci_low", "0.1", "expected float | None"),
    ],
)
def test_values_are_not_coerced(field: str, value: object, expected: str) -> None:
    data = json.loads(to_json(dm.Measurement("wall", "s", [1.0, 2.0], 1.5)))
    data[field] = value
    message = str(_error(dm.Measurement, data))
    assert f"$.{field}" in message
    assert expected in message


def test_an_int_is_a_valid_float() -> None:
    data = json.loads(to_json(dm.Measurement("wall", "s", [1.0], 1.0)))
    data["location"] = 2
    data["samples"] = [1, 2]
    m = structure(dm.Measurement, data)
    assert m.location == 2.0 and isinstance(m.location, float)
    assert all(isinstance(s, float) for s in m.samples)


def test_int_field_refuses_a_float() -> None:
    data = _task_json()
    data["tests"][1]["level"] = 1.5  # int(1.5) would be 1
    message = str(_error(dm.Task, data))
    assert "$.tests[1].level" in message
    assert "expected int" in message


def test_missing_field_is_named() -> None:
    data = _task_json()
    del data["statement"]
    message = str(_error(dm.Task, data))
    assert "required field missing @ $.statement" in message


def test_missing_nested_field_is_named() -> None:
    data = _task_json()
    del data["signature"]["entry_point"]
    assert "required field missing @ $.signature.entry_point" in str(_error(dm.Task, data))


def test_extra_key_is_named() -> None:
    data = _task_json()
    data["tests"][0]["expected_output"] = "1"
    message = str(_error(dm.Task, data))
    assert "extra fields found (expected_output)" in message
    assert "$.tests[0]" in message


def test_bad_enum_value_is_named() -> None:
    data = _task_json()
    data["kind"] = "interactive"
    message = str(_error(dm.Task, data))
    assert "$.kind" in message and "'interactive' is not a valid TaskKind" in message


def test_validator_message_reaches_the_error() -> None:
    data = _task_json()
    data["references"]["python"][0]["language"] = "Py Thon"
    message = str(_error(dm.Task, data))
    assert "$.references['python'][0]" in message
    assert "'language' must match regex" in message


def test_several_errors_are_all_reported() -> None:
    data = _task_json()
    data["statement"] = None
    data["checker"]["tolerance"] = "tiny"
    message = str(_error(dm.Task, data))
    assert "$.statement" in message and "$.checker.tolerance" in message


def test_data_error_carries_path_and_record() -> None:
    with pytest.raises(DataError) as info:
        structure(dm.TestCase, {"input": 1}, path="tests.jsonl", record=7)
    assert (info.value.path, info.value.record) == ("tests.jsonl", 7)
    assert str(info.value).startswith("tests.jsonl, record 7: ")
    assert "$.input" in str(info.value)


@pytest.mark.parametrize("text_", ["[1, 2]", '"task"', "null", "3"])
def test_record_that_is_not_an_object(text_: str) -> None:
    with pytest.raises(DataError, match=r"^t\.json: expected an object for Task, got "):
        from_json(dm.Task, text_, path="t.json")


def test_nested_record_that_is_not_an_object_is_named() -> None:
    data = _task_json()
    data["signature"] = ["add", []]
    assert "expected an object, got list @ $.signature" in str(_error(dm.Task, data))
    data = _task_json()
    data["tests"][1] = "[2]"
    assert "$.tests[1]" in str(_error(dm.Task, data))


def test_invalid_json_names_line_and_column() -> None:
    with pytest.raises(DataError) as info:
        from_json(dm.Task, '{\n  "id": "t1",\n  "statement": ,\n}', path="task.json")
    message = str(info.value)
    assert message.startswith("task.json: not JSON: ")
    assert "line 3 column 16" in message
    assert info.value.path == "task.json"


def test_from_json_accepts_bytes() -> None:
    case = dm.TestCase("1 2", "3")
    assert from_json(dm.TestCase, to_json(case).encode()) == case


# --------------------------------------------------------------------------------------------
# Validation in the classes


def test_function_task_needs_a_signature() -> None:
    with pytest.raises(ValueError, match="task 't1': a function task needs a signature"):
        dm.Task("t1", "statement")
    with pytest.raises(ValueError, match="needs a signature"):
        dm.Task("t1", "statement", kind=dm.TaskKind.FUNCTION, signature=None)
    dm.Task("t1", "statement", kind=dm.TaskKind.STDIO)  # a stdio task does not
    data = _task_json()
    data["signature"] = None
    assert "a function task needs a signature" in str(_error(dm.Task, data))


def test_task_id_must_not_be_empty() -> None:
    with pytest.raises(ValueError):
        dm.Task("", "s", kind=dm.TaskKind.STDIO)


def test_solution_id_is_derived_from_its_content() -> None:
    solution = dm.Solution("two-sum", "python", "print(1)\n")
    digest = hashlib.sha256(b"two-sum\0python\0print(1)\n").hexdigest()[:12]
    assert solution.id == f"two-sum/python/{digest}"
    # Stable across versions: stored results refer to solutions by this id.
    assert dm.Solution("t1", "python", "x=1").id == "t1/python/f08987dc0c4e"
    # Provenance does not change the id; the content does.
    assert dm.Solution("two-sum", "python", "print(1)\n", origin="model:x", meta={"t": 0.2}).id \
        == solution.id
    assert dm.Solution("two-sum", "python", "print(2)\n").id != solution.id
    assert dm.Solution("two-sum", "cpp", "print(1)\n").id != solution.id
    assert dm.Solution("two-sum2", "python", "print(1)\n").id != solution.id
    # The id survives a round trip, and an explicit id is kept.
    assert from_json(dm.Solution, to_json(solution)).id == solution.id
    assert dm.Solution("t", "python", "x", id="custom").id == "custom"


def test_solution_language_is_validated() -> None:
    with pytest.raises(ValueError, match="'language' must match"):
        dm.Solution("t", "C++ 17", "int main(){}")
    assert dm.Solution("t", "c++", "int main(){}").language == "c++"


@pytest.mark.parametrize("where", ["efficient", "inefficient"])
@pytest.mark.parametrize(("task_id", "language"), [("other", "python"), ("t1", "cpp")])
def test_solution_group_rejects_a_foreign_solution(where: str, task_id: str, language: str) -> None:
    mine = dm.Solution("t1", "python", "a")
    foreign = dm.Solution(task_id, language, "b")
    groups = {"efficient": ([mine, foreign], []), "inefficient": ([mine], [foreign])}
    efficient, inefficient = groups[where]
    with pytest.raises(ValueError) as info:
        dm.SolutionGroup("t1", "python", efficient, inefficient)
    message = str(info.value)
    assert foreign.id in message
    assert "task 't1' in python" in message


def test_solution_group_accepts_its_own() -> None:
    a, b = dm.Solution("t1", "python", "a"), dm.Solution("t1", "python", "b")
    group = dm.SolutionGroup("t1", "python", [a], [b])
    assert group.efficient == (a,) and group.inefficient == (b,)


def test_measurement_location_must_be_finite() -> None:
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValueError, match="measurement wall: location must be finite"):
            dm.Measurement("wall", "s", [1.0], bad)


def test_checker_kind_is_validated() -> None:
    with pytest.raises(ValueError):
        dm.Checker(kind="fuzzy")


def test_signature_entry_point_is_validated() -> None:
    with pytest.raises(ValueError):
        dm.Signature("not an identifier")


def test_records_are_frozen() -> None:
    case = dm.TestCase("1")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        case.input = "2"  # type: ignore[misc]


def test_verdict_passed() -> None:
    assert [v for v in dm.Verdict if v.passed] == [dm.Verdict.PASSED]
    result = dm.RunResult("s", "t", dm.Verdict.TIMEOUT, "rlimit")
    assert not result.passed


# --------------------------------------------------------------------------------------------
# Skeleton


def test_char_mask_marks_the_spans() -> None:
    source = "for i in range(n):"
    skeleton = dm.Skeleton("s", "lexical", [True, False, True], "for _ in range(_):",
                           [(0, 3), (6, 14)])
    mask = skeleton.char_mask(len(source))
    assert len(mask) == len(source)
    assert "".join(source[i] for i in range(len(source)) if mask[i]) == "forin range"
    assert bytes(mask) == b"\x01" * 3 + b"\x00" * 3 + b"\x01" * 8 + b"\x00" * 4


def test_char_mask_overlapping_and_empty_spans() -> None:
    skeleton = dm.Skeleton("s", "lexical", [], "", [(1, 4), (2, 5), (3, 3)])
    assert bytes(skeleton.char_mask(6)) == b"\x00\x01\x01\x01\x01\x00"
    assert bytes(dm.Skeleton("s", "lexical", [], "", []).char_mask(3)) == b"\x00\x00\x00"


@pytest.mark.parametrize("span", [(3, 8), (10, 12), (4, 2)])
def test_char_mask_refuses_a_span_outside_the_source(span: tuple[int, int]) -> None:
    skeleton = dm.Skeleton("t/python/abc", "lexical", [True], "x", [span])
    with pytest.raises(ValueError, match=r"t/python/abc.*outside a source of 5 characters"):
        skeleton.char_mask(5)


@given(length=st.integers(0, 60), data=st.data())
def test_char_mask_property(length: int, data: st.DataObject) -> None:
    bounds = st.integers(0, length)
    spans_ = data.draw(st.lists(st.tuples(bounds, bounds).map(sorted).map(tuple), max_size=5))
    mask = dm.Skeleton("s", "x", [], "", spans_).char_mask(length)
    assert len(mask) == length
    for i in range(length):
        assert mask[i] == any(a <= i < b for a, b in spans_)


def test_kept_share() -> None:
    assert dm.Skeleton("s", "x", [True, False, True, True], "", []).kept_share == 0.75
    assert dm.Skeleton("s", "x", [], "", []).kept_share == 0.0


def test_spans_are_normalised_to_int_pairs() -> None:
    skeleton = dm.Skeleton("s", "x", [], "", [[0, 2], (3, 4)])
    assert skeleton.spans == ((0, 2), (3, 4))
    example = dm.TrainingExample("t", "s", "p", "code", "sk", [[0, 1]])
    assert example.skeleton_spans == ((0, 1),)
