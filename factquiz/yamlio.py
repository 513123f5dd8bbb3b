"""The one place YAML is read and written.

Reading walks the parser's events (never `yaml.safe_load`): aliases, nesting deeper than
32, more than 200k values, duplicate keys, oversized files and unsafe tags are refused
with the line and column of the culprit, before anything large is built in memory.
Every value keeps its position, so later checks (the bank rules) can name the line too.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factquiz.errors import Location, YamlError

MAX_DEPTH = 32
MAX_VALUES = 200_000
MAX_BYTES = 16 * 1024 * 1024

_TAG = "tag:yaml.org,2002:"
# Scalars may only be of these types; everything else (python/object, binary, set...) is refused.
_SCALAR_TAGS = {_TAG + t for t in ("null", "bool", "int", "float", "str", "timestamp")}
_MAP_TAGS = {None, "!", _TAG + "map"}
_SEQ_TAGS = {None, "!", _TAG + "seq"}


@dataclass(frozen=True, slots=True)
class Mark:
    """1-based line and column of a value in its file."""

    line: int
    col: int


class YamlMap(dict):
    """A mapping read from YAML: a dict that remembers where each key and value stood."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[Any, Mark] = {}
        self.value_marks: dict[Any, Mark] = {}


class YamlSeq(list):
    """A sequence read from YAML: a list that remembers where each element stood."""

    __slots__ = ("mark", "item_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


def _short(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _mark(m: Any) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed), or say on which line and column it is not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[start : exc.start].decode("utf-8", "replace")) + 1
        raise YamlError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02X})",
            where=Location(name, line, col),
            hint="save the file with the UTF-8 encoding",
        ) from None


def read_yaml(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Any:
    """Read one YAML file through every guard; containers come back as YamlMap/YamlSeq."""
    p = Path(path)
    name = str(path)
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise YamlError("no such file", where=Location(name), hint="check the path") from None
    except IsADirectoryError:
        raise YamlError("is a folder, not a file", where=Location(name)) from None
    except OSError as exc:
        raise YamlError(f"cannot be read: {exc.strerror}", where=Location(name)) from None
    if len(data) > max_bytes:
        raise YamlError(
            f"file is larger than the {max_bytes // (1024 * 1024)} MiB limit for YAML files",
            where=Location(name, 1, 1),
            hint="split it into smaller files",
        )
    return parse_yaml(decode_utf8(data, name), name)


def parse_yaml(
    text: str, name: str = "<text>", *, max_depth: int = MAX_DEPTH, max_values: int = MAX_VALUES
) -> Any:
    """Parse one YAML document from text with the guards of `read_yaml`."""
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    loader = loader_cls(text)
    try:
        return _EventBuilder(loader, name, max_depth, max_values).build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(name, mark.line + 1, mark.column + 1) if mark else Location(name)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(f"invalid YAML: {problem}", where=where) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlError(
            f"character U+{exc.character:04X} is not allowed in YAML",
            where=Location(name, line, col),
            hint="remove it, or write it as an escape inside double quotes",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {exc}", where=Location(name)) from None
    finally:
        loader.dispose()


_NO_KEY = object()


class _EventBuilder:
    """Builds Python values from parser events with an explicit stack (no recursion)."""

    def __init__(self, loader: Any, name: str, max_depth: int, max_values: int) -> None:
        import yaml

        self.yaml = yaml
        self.loader = loader
        self.name = name
        self.max_depth = max_depth
        self.max_values = max_values
        self.values = 0
        self.ctors = loader.yaml_constructors
        self.resolvers = loader.yaml_implicit_resolvers

    def fail(self, message: str, mark: Any, hint: str = "") -> YamlError:
        m = _mark(mark)
        return YamlError(message, where=Location(self.name, m.line, m.col), hint=hint)

    def build(self) -> Any:
        y = self.yaml
        stack: list[list[Any]] = []  # frames: [container, pending key, key mark]
        root: Any = None
        documents = 0
        get_event = self.loader.get_event
        while True:
            ev = get_event()
            kind = type(ev)
            if kind is y.ScalarEvent:
                value = self.scalar(ev)
            elif kind is y.MappingStartEvent or kind is y.SequenceStartEvent:
                value = self.start_collection(ev, kind is y.MappingStartEvent, len(stack))
            elif kind is y.MappingEndEvent or kind is y.SequenceEndEvent:
                frame = stack.pop()
                if frame[1] is not _NO_KEY:  # pragma: no cover - the parser forbids it
                    raise self.fail("a key has no value", ev.start_mark)
                continue
            elif kind is y.AliasEvent:
                raise self.fail(
                    f"YAML aliases (*{ev.anchor}) are not allowed",
                    ev.start_mark,
                    "write the value out in full instead of pointing to an anchor",
                )
            elif kind is y.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.fail(
                        "more than one YAML document in the file",
                        ev.start_mark,
                        "remove the extra '---' line or split the file",
                    )
                continue
            elif kind is y.StreamEndEvent:
                return root
            else:  # StreamStart, DocumentEnd
                continue
            if stack:
                self.attach(stack[-1], value, _mark(ev.start_mark), ev)
            else:
                root = value
            if kind is y.MappingStartEvent or kind is y.SequenceStartEvent:
                stack.append([value, _NO_KEY, None])

    def count(self, ev: Any) -> None:
        self.values += 1
        if self.values > self.max_values:
            raise self.fail(
                f"more than {self.max_values:,} values in one file",
                ev.start_mark,
                "split the file into smaller ones",
            )

    def start_collection(self, ev: Any, is_map: bool, depth: int) -> YamlMap | YamlSeq:
        if depth >= self.max_depth:
            raise self.fail(f"nested deeper than {self.max_depth} levels", ev.start_mark)
        allowed = _MAP_TAGS if is_map else _SEQ_TAGS
        if ev.tag not in allowed:
            raise self.fail(f"the tag {_short(ev.tag)} is not allowed", ev.start_mark, "remove it")
        self.count(ev)
        mark = _mark(ev.start_mark)
        return YamlMap(mark) if is_map else YamlSeq(mark)

    def scalar(self, ev: Any) -> Any:
        value = ev.value
        tag = ev.tag
        if tag is None or tag == "!":
            if ev.style or not ev.implicit[0] or tag == "!":  # quoted: always text
                self.count(ev)
                return value
            tag = _TAG + "str"
            for candidate, regexp in self.resolvers.get(value[:1] if value else "", ()):
                if regexp.match(value):
                    tag = candidate
                    break
            if tag == _TAG + "str":
                self.count(ev)
                return value
        if tag == _TAG + "merge":
            raise self.fail("merge keys (<<) are not allowed", ev.start_mark, "write keys out")
        if tag not in _SCALAR_TAGS:
            raise self.fail(f"the tag {_short(tag)} is not allowed", ev.start_mark, "remove it")
        self.count(ev)
        node = self.yaml.ScalarNode(tag, value, ev.start_mark, ev.end_mark, ev.style)
        try:
            return self.ctors[tag](self.loader, node)
        except (ValueError, OverflowError):
            kind = {"timestamp": "date", "int": "whole number", "float": "number"}.get(
                tag.rsplit(":", 1)[-1], "value"
            )
            shown = value if len(value) <= 40 else f"{value[:20]}... ({len(value)} characters)"
            raise self.fail(
                f"{shown!r} is not a valid {kind}",
                ev.start_mark,
                "correct it, or quote it if it is meant as text",
            ) from None

    def attach(self, frame: list[Any], value: Any, mark: Mark, ev: Any) -> None:
        container = frame[0]
        if isinstance(container, YamlSeq):
            container.append(value)
            container.item_marks.append(mark)
            return
        if frame[1] is _NO_KEY:
            if isinstance(value, (YamlMap, YamlSeq)):
                raise self.fail("a key must be plain text, not a list or mapping", ev.start_mark)
            if value in container:
                first = container.key_marks[value]
                raise self.fail(
                    f"duplicate key {value!r} (first at line {first.line})",
                    ev.start_mark,
                    "keep one of them",
                )
            frame[1] = value
            frame[2] = mark
            return
        key = frame[1]
        container[key] = value
        container.key_marks[key] = frame[2]
        container.value_marks[key] = mark
        frame[1] = _NO_KEY


def where(name: str, container: Any, key: Any = None) -> Location:
    """The location of `container[key]` (or of the container itself) as read from YAML."""
    mark: Mark | None = None
    if key is not None and isinstance(container, YamlMap):
        mark = container.value_marks.get(key) or container.key_marks.get(key)
    elif key is not None and isinstance(container, YamlSeq) and 0 <= key < len(container):
        mark = container.item_marks[key]
    if mark is None:
        mark = getattr(container, "mark", None)
    return Location(name, mark.line, mark.col) if mark else Location(name)


def key_where(name: str, container: Any, key: Any) -> Location:
    """The location of a key itself (for unknown or misspelt keys)."""
    mark = container.key_marks.get(key) if isinstance(container, YamlMap) else None
    return Location(name, mark.line, mark.col) if mark else where(name, container)


# --- writing -------------------------------------------------------------------------------

# Characters that the pure-Python emitter would fold or mangle outside double quotes.
_NEEDS_DOUBLE = set("\x85\u2028\u2029\ufeff\t\r\n") | {chr(c) for c in range(0x20)} | {"\x7f"}


def _dumper() -> type:
    import yaml

    # The pure-Python dumper, so that lists can be indented under their key; the characters
    # it would mangle (\x85, U+2028...) are forced into escaped double quotes below.
    base = yaml.SafeDumper

    class Dumper(base):  # type: ignore[misc, valid-type]
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    def represent_str(dumper: Any, data: str) -> Any:
        style = None
        if data != data.strip(" ") or any(c in _NEEDS_DOUBLE for c in data):
            style = '"'
        return dumper.represent_scalar(_TAG + "str", data, style=style)

    def represent_seq(dumper: Any, data: Any) -> Any:
        # Empty lists read best as [], everything else as a block list.
        return dumper.represent_sequence(_TAG + "seq", data, flow_style=not data)

    Dumper.add_representer(str, represent_str)
    for t in (list, tuple, YamlSeq):
        Dumper.add_representer(t, represent_seq)
    Dumper.add_representer(YamlMap, base.represent_dict)
    return Dumper


def dump_yaml(data: Any, header: str = "") -> str:
    """YAML a person can read and diff: block style, keys in the given order, accents kept."""
    import yaml

    text = yaml.dump(
        data,
        Dumper=_dumper(),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,  # never fold a long prompt or quote over several lines
        indent=2,
    )
    return header + text


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write a file so that a crash leaves the old or the new content, never half of each."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
