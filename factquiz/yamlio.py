"""The one place YAML is read and written.

Reading walks the parser's events (never `yaml.safe_load`): aliases, nesting deeper than
32, more than a million values, duplicate keys, oversized files and unsafe tags are refused
with the line and column of the culprit, before anything large is built in memory.
Every value keeps its position, so later checks (the bank rules) can name the line too.
"""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from factquiz.errors import Location, YamlError

MAX_DEPTH = 32
# reliability.md suggests 200k nodes; a generated item holds about 20 values, so that would
# refuse the 10,000-item banks factquiz must load. Aliases are refused and files are capped
# at 16 MiB, so what is left to bound is memory: a million small values is under 100 MB.
MAX_VALUES = 1_000_000
MAX_BYTES = 16 * 1024 * 1024

_TAG = "tag:yaml.org,2002:"
# Scalars may only be of these types; everything else (python/object, binary, set...) is refused.
_SCALAR_TAGS = {_TAG + t for t in ("null", "bool", "int", "float", "str", "timestamp")}
_MAP_TAGS = {None, "!", _TAG + "map"}
_SEQ_TAGS = {None, "!", _TAG + "seq"}


class Mark(NamedTuple):
    """1-based line and column of a value in its file."""

    line: int
    col: int


class YamlMap(dict):
    """A mapping read from YAML: a dict that remembers where each key and value stood."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        # The parser's own marks, kept as they come (cheap); read them through `_pos`.
        self.key_marks: dict[Any, Any] = {}
        self.value_marks: dict[Any, Any] = {}


class YamlSeq(list):
    """A sequence read from YAML: a list that remembers where each element stood."""

    __slots__ = ("mark", "item_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Any] = []  # parser marks; read them through `_pos`


def _pos(mark: Any) -> tuple[int, int]:
    """A parser mark (0-based) or a Mark (1-based) as a 1-based (line, col)."""
    if isinstance(mark, tuple):
        return mark
    return (mark.line + 1, mark.column + 1)


def _short(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large tree of fresh objects.

    Reading a bank makes a few hundred thousand objects and no reference cycles; the
    collector would walk the growing heap again and again for nothing (a third of the time
    of a 10,000-item bank). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
        with gc_paused():
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
    """Builds Python values from parser events with an explicit stack (no recursion).

    One tight loop: a 10,000-item bank is about 300,000 events, so every call counts.
    Positions are kept as raw `(line, col)` tuples and turned into `Mark` when asked for.
    """

    def __init__(self, loader: Any, name: str, max_depth: int, max_values: int) -> None:
        import yaml

        self.yaml = yaml
        self.loader = loader
        self.name = name
        self.max_depth = max_depth
        self.max_values = max_values

    def fail(self, message: str, mark: Any, hint: str = "") -> YamlError:
        return YamlError(
            message, where=Location(self.name, mark.line + 1, mark.column + 1), hint=hint
        )

    def build(self) -> Any:  # noqa: C901 - one loop on purpose, see the class docstring
        y = self.yaml
        scalar_ev, map_start, seq_start = y.ScalarEvent, y.MappingStartEvent, y.SequenceStartEvent
        ends = (y.MappingEndEvent, y.SequenceEndEvent)
        resolvers = self.loader.yaml_implicit_resolvers
        str_tag = _TAG + "str"
        plain_tags: dict[str, str] = {}
        get_event = self.loader.get_event
        # The open container and its state live in locals; `stack` keeps the outer ones.
        stack: list[tuple[Any, bool]] = []
        top: Any = None
        is_map = False
        want_key = True
        key: Any = None
        key_pos: Any = None
        root: Any = None
        values = 0
        max_values = self.max_values
        max_depth = self.max_depth
        documents = 0
        while True:
            ev = get_event()
            kind = ev.__class__
            if kind is scalar_ev:
                value = ev.value
                tag = ev.tag
                if tag is not None or not (ev.style or not ev.implicit[0]):
                    if tag is None:
                        # Keys and short values repeat all through a bank: resolve each once.
                        tag = plain_tags.get(value)
                        if tag is None:
                            tag = str_tag
                            for candidate, regexp in resolvers.get(value[:1], ()):
                                if regexp.match(value):
                                    tag = candidate
                                    break
                            if len(value) <= 40:
                                plain_tags[value] = tag
                    if tag != str_tag and tag != "!":
                        value = self.construct(ev, tag)
            elif kind is map_start or kind is seq_start:
                if len(stack) >= max_depth:
                    raise self.fail(f"nested deeper than {max_depth} levels", ev.start_mark)
                if ev.tag not in (_MAP_TAGS if kind is map_start else _SEQ_TAGS):
                    raise self.fail(
                        f"the tag {_short(ev.tag)} is not allowed", ev.start_mark, "remove it"
                    )
                m = ev.start_mark
                value = (YamlMap if kind is map_start else YamlSeq)(Mark(m.line + 1, m.column + 1))
            elif kind in ends:
                top, is_map = stack.pop()
                want_key = True
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
            pos = ev.start_mark  # a parser Mark, 0-based; `_pos` makes it (line, col) on demand
            if top is None:
                root = value
            elif is_map:
                if want_key:
                    if value.__class__ is not str or value in top:
                        self.check_key(top, value, ev)
                    key = value
                    key_pos = pos
                    want_key = False
                else:
                    top[key] = value
                    top.key_marks[key] = key_pos
                    top.value_marks[key] = pos
                    want_key = True
                    values += 1
            else:
                top.append(value)
                top.item_marks.append(pos)
                values += 1
            if values > max_values:
                raise self.fail(
                    f"more than {max_values:,} values in one file",
                    pos,
                    "split the file into smaller ones",
                )
            if kind is not scalar_ev:
                stack.append((top, is_map))
                top = value
                is_map = kind is map_start
                want_key = True

    def check_key(self, container: YamlMap, key: Any, ev: Any) -> None:
        """Refuse a key that is a container or that the mapping already has."""
        if isinstance(key, (YamlMap, YamlSeq)):
            raise self.fail("a key must be plain text, not a list or mapping", ev.start_mark)
        if key in container:
            first = _pos(container.key_marks[key])
            raise self.fail(
                f"duplicate key {key!r} (first at line {first[0]})",
                ev.start_mark,
                "keep one of them",
            )

    def construct(self, ev: Any, tag: str) -> Any:
        if tag == _TAG + "merge":
            raise self.fail("merge keys (<<) are not allowed", ev.start_mark, "write keys out")
        if tag not in _SCALAR_TAGS:
            raise self.fail(f"the tag {_short(tag)} is not allowed", ev.start_mark, "remove it")
        value = ev.value
        node = self.yaml.ScalarNode(tag, value, ev.start_mark, ev.end_mark, ev.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
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


def where(name: str, container: Any, key: Any = None) -> Location:
    """The location of `container[key]` (or of the container itself) as read from YAML."""
    mark: tuple[int, int] | None = None
    if key is not None and isinstance(container, YamlMap):
        mark = container.value_marks.get(key) or container.key_marks.get(key)
    elif key is not None and isinstance(container, YamlSeq) and 0 <= key < len(container):
        mark = container.item_marks[key]
    if mark is None:
        mark = getattr(container, "mark", None)
    if mark is None:
        return Location(name)
    line, col = _pos(mark)
    return Location(name, line, col)


def key_where(name: str, container: Any, key: Any) -> Location:
    """The location of a key itself (for unknown or misspelt keys)."""
    mark = container.key_marks.get(key) if isinstance(container, YamlMap) else None
    if mark is None:
        return where(name, container)
    line, col = _pos(mark)
    return Location(name, line, col)


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
    fsync_dir(target.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (a no-op where folders cannot be opened)."""
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
