"""The score store: one YAML file per student, each answer journaled as it is given.

Every write happens under a lock on a separate `<file>.lock` (a lock on the file itself
stays on the old inode after `os.replace`), re-reads the file if another process changed
it, and replaces it atomically: two terminals lose nothing, and a crash leaves the old or
the new file, never half of each. The format is documented in `docs/scores-format.md`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from factquiz.errors import Location, StoreError
from factquiz.text import strip_accents

SCORES_FORMAT = 1
VERSION_KEY = "factquiz-scores"
STUDENT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
LOCK_TIMEOUT = 10.0
STATUSES = ("running", "complete", "interrupted")
OUTCOMES = ("correct", "review", "wrong", "skipped")
# Names Windows reserves for devices, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def student_id(name: str) -> str:
    """A file-name-safe id for a student name; refuses names with control characters.

    NFKC + casefold; a name that is not already `[a-z0-9][a-z0-9_-]*` (or is a reserved
    device name) becomes a slug plus a short hash, so `../x`, `/x` and `x` stay apart.
    """
    if _CONTROL.search(name):
        raise StoreError(
            "the student name contains a control character",
            hint="use letters, digits, spaces, '-' or '_'",
        )
    folded = unicodedata.normalize("NFKC", name).strip().casefold()
    if not folded:
        raise StoreError("the student name is empty", hint="give a name with --student NAME")
    if STUDENT_ID_RE.match(folded) and folded not in _RESERVED:
        return folded
    slug = re.sub(r"[^a-z0-9]+", "-", strip_accents(folded)).strip("-")[:48] or "student"
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:6]
    return f"{slug}-{digest}"


def now_iso() -> str:
    """The current UTC time, to the second, in ISO 8601."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def new_session_id() -> str:
    """A session id that sorts by start time and does not collide across terminals."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def default_scores_dir() -> Path:
    """`scores/` in factquiz's data folder (FACTQUIZ_HOME or the platform's)."""
    from factquiz.bank import user_home

    return user_home() / "scores"


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerRecord:
    """One journaled answer."""

    item: str
    outcome: str
    credit: float
    points: float
    at: str
    response: str | None = None
    hint: bool = False
    retry: bool = False
    skill: str | None = None
    type: str | None = None
    expected: str | None = None
    reason: str | None = None
    seconds: float | None = None

    @property
    def earned(self) -> float:
        """Points earned by this answer."""
        return self.credit * self.points


@dataclass(frozen=True)
class SessionRecord:
    """One journaled session and its answers."""

    id: str
    bank: str
    started: str
    status: str
    answers: tuple[AnswerRecord, ...] = ()
    mode: str = "play"
    bank_title: str | None = None
    bank_file: str | None = None
    language: str | None = None
    ended: str | None = None


@dataclass(frozen=True)
class StudentScores:
    """Everything stored for one student."""

    student: str
    name: str
    sessions: tuple[SessionRecord, ...] = ()
    path: Path | None = None


_TEXT = (str,)
_NUMBER = (int, float)
_ANSWER_TYPES: dict[str, tuple[type, ...]] = {
    "item": _TEXT, "outcome": _TEXT, "credit": _NUMBER, "points": _NUMBER, "at": _TEXT,
    "response": _TEXT, "hint": (bool,), "retry": (bool,), "skill": _TEXT, "type": _TEXT,
    "expected": _TEXT, "reason": _TEXT, "seconds": _NUMBER,
}  # fmt: skip
_SESSION_TYPES: dict[str, tuple[type, ...]] = {
    "id": _TEXT, "bank": _TEXT, "started": _TEXT, "status": _TEXT, "mode": _TEXT,
    "bank_title": _TEXT, "bank_file": _TEXT, "language": _TEXT, "ended": _TEXT,
}  # fmt: skip


def _typed(m: Any, types: dict[str, tuple[type, ...]], required: set[str], name: str) -> dict:
    """The known keys of a mapping, type-checked; unknown keys are kept in the file, unread."""
    from factquiz.yamlio import where

    if not isinstance(m, dict):
        raise StoreError("expected a mapping here", where=where(name, m))
    out: dict[str, Any] = {}
    for key, allowed in types.items():
        value = m.get(key)
        if value is None:
            if key in required:
                raise StoreError(f"missing required key '{key}'", where=where(name, m))
            continue
        # bool is an int in Python; a number field must not take true/false.
        if not isinstance(value, allowed) or (bool not in allowed and isinstance(value, bool)):
            raise StoreError(f"'{key}' has the wrong type ({value!r})", where=where(name, m, key))
        out[key] = value
    return out


_ANSWER_REQUIRED = {"item", "outcome", "credit", "points", "at"}


def _one_of(m: dict, key: str, allowed: tuple[str, ...], name: str) -> None:
    from factquiz.yamlio import where

    if m[key] not in allowed:
        raise StoreError(
            f"unknown {key} {m[key]!r}",
            where=where(name, m, key),
            hint=f"use one of: {', '.join(allowed)}",
        )


def parse_scores(data: Any, name: str, path: Path | None = None) -> StudentScores:
    """Check a score file's data, with the line of any problem, and return its records."""
    from factquiz.yamlio import where

    top = _typed(data, {"student": _TEXT, "name": _TEXT}, {"student"}, name)
    version = data.get(VERSION_KEY)
    if version != SCORES_FORMAT or isinstance(version, bool):
        raise StoreError(
            f"unsupported score format {version!r}",
            where=where(name, data, VERSION_KEY if VERSION_KEY in data else None),
            hint=f"this factquiz reads `{VERSION_KEY}: {SCORES_FORMAT}`",
        )
    raw_sessions = data.get("sessions") or []
    if not isinstance(raw_sessions, list):
        raise StoreError("'sessions' must be a list", where=where(name, data, "sessions"))
    sessions = []
    for s in raw_sessions:
        known = _typed(s, _SESSION_TYPES, {"id", "bank", "started", "status"}, name)
        _one_of(s, "status", STATUSES, name)
        raw_answers = s.get("answers") or []
        if not isinstance(raw_answers, list):
            raise StoreError("'answers' must be a list", where=where(name, s, "answers"))
        answers = []
        for a in raw_answers:
            answers.append(AnswerRecord(**_typed(a, _ANSWER_TYPES, _ANSWER_REQUIRED, name)))
            _one_of(a, "outcome", OUTCOMES, name)
        sessions.append(SessionRecord(answers=tuple(answers), **known))
    return StudentScores(top["student"], top.get("name", top["student"]), tuple(sessions), path)


# --- the store -------------------------------------------------------------------------------


class ScoreStore:
    """A folder of score files, one per student (`--scores DIR` for a shared classroom)."""

    def __init__(self, folder: Path | None = None, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.folder = Path(folder) if folder is not None else default_scores_dir()
        self.lock_timeout = lock_timeout

    def path_for(self, student: str) -> Path:
        """The score file of a student id; refuses an id that would leave the folder."""
        if not STUDENT_ID_RE.match(student) or student in _RESERVED:
            raise StoreError(f"{student!r} is not a safe student id")
        path = self.folder / f"{student}.yaml"
        if path.resolve().parent != self.folder.resolve():
            raise StoreError(f"{student!r} would be stored outside {self.folder}")
        return path

    def load(self, student: str) -> StudentScores:
        """A student's scores; empty if the student has none yet."""
        path = self.path_for(student)
        if not path.exists():
            return StudentScores(student, student, (), path)
        return parse_scores(_read(path), str(path), path)

    def journal(self, student: str, name: str, header: dict[str, Any]) -> Journal:
        """A journal for a new session; nothing is written before the first answer."""
        return Journal(self, student, name, header)

    def lock(self, path: Path) -> Any:
        """The lock on `<path>.lock`, with this store's timeout."""
        from filelock import FileLock

        return FileLock(f"{path}.lock", timeout=self.lock_timeout)


_DAMAGED = "the score file is damaged: move it aside to start a new one"


def _read(path: Path) -> Any:
    from factquiz.errors import YamlError
    from factquiz.yamlio import read_yaml

    try:
        return read_yaml(path)
    except YamlError as exc:
        raise StoreError(exc.message, where=exc.where, hint=_DAMAGED) from None


def sweep_temp_files(path: Path) -> int:
    """Remove temp files a killed writer left beside `path`; call with the lock held."""
    removed = 0
    for stray in path.parent.glob(f".{path.name}.*.tmp"):
        stray.unlink(missing_ok=True)
        removed += 1
    return removed


class Journal:
    """One session in one student's file. Each answer rewrites the file atomically, locked.

    The file's other sessions are kept as the text they are on disk (sliced by the line
    each one starts on), and this session's answers are dumped once each: a rewrite costs
    the copy of the file, not a YAML dump of a student's whole history.
    """

    def __init__(self, store: ScoreStore, student: str, name: str, header: dict[str, Any]):
        self.store = store
        self.path = store.path_for(student)
        self.student = student
        self.name = name
        self.header: dict[str, Any] = {
            "id": new_session_id(),
            **header,
            "started": now_iso(),
            "status": "running",
        }
        self.entries: list[dict[str, Any]] = []
        self._chunks: list[str] = []  # each entry as YAML text, dumped once
        self._prefix: str | None = None  # the file before this session's block
        self._prefix_of: bytes | None = None  # the file content `_prefix` was taken from
        self._written: bytes | None = None  # the file as this journal last wrote it
        self._swept = False
        self._mutex = threading.Lock()  # `prepare` may run in another thread

    @property
    def answers(self) -> int:
        """Answers journaled so far."""
        return len(self.entries)

    def add(self, answer: dict[str, Any]) -> None:
        """Journal one answer now."""
        self.entries.append(answer)
        self._chunks.append(list_entry(answer, 6))
        self._write()

    def finish(self, status: str) -> None:
        """Mark the session complete or interrupted (nothing to do if it has no answers)."""
        if status not in STATUSES:
            raise ValueError(status)
        self.header.update(status=status, ended=now_iso())
        if self.entries:
            self._write()

    def prepare(self) -> None:
        """Read the file ahead of the first answer (safe to call from another thread)."""
        with self._mutex:
            if self._prefix is not None:
                return
            try:
                raw = self.path.read_bytes() if self.path.exists() else None
                self._prefix, self._prefix_of = self._prefix_from(raw), raw
            except (OSError, StoreError):
                return  # the first write reads it again, and reports the problem

    def _write(self) -> None:
        from filelock import Timeout

        from factquiz.yamlio import write_text_atomic

        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._mutex, self.store.lock(self.path):
                if not self._swept:
                    sweep_temp_files(self.path)
                    self._swept = True
                raw = self.path.read_bytes() if self.path.exists() else None
                if self._prefix is None or raw not in (self._written, self._prefix_of):
                    self._prefix, self._prefix_of = self._prefix_from(raw), raw
                text = self._prefix + self._block()
                write_text_atomic(self.path, text)
                self._written = text.encode("utf-8")
        except Timeout:
            raise StoreError(
                "the score file is locked by another factquiz",
                where=Location(str(self.path)),
                hint="it is open in another terminal: finish that session, then try again",
            ) from None

    def _block(self) -> str:
        return list_entry(self.header, 2) + "    answers:\n" + "".join(self._chunks)

    def _prefix_from(self, raw: bytes | None) -> str:
        """The file without this session, ending inside its `sessions:` list."""
        from factquiz.yamlio import dump_yaml

        if raw is None:
            top = {VERSION_KEY: SCORES_FORMAT, "student": self.student, "name": self.name}
            return dump_yaml(top) + "sessions:\n"
        name = str(self.path)
        text, data = _parse_bytes(raw, name)
        parse_scores(data, name)  # never overwrite a file that cannot be read back
        return _text_without(text, data, self.header["id"])


def _parse_bytes(raw: bytes, name: str) -> tuple[str, Any]:
    from factquiz.errors import YamlError
    from factquiz.yamlio import decode_utf8, parse_yaml

    try:
        text = decode_utf8(raw, name)
        return text, parse_yaml(text, name)
    except YamlError as exc:
        raise StoreError(exc.message, where=exc.where, hint=_DAMAGED) from None


def list_entry(value: dict[str, Any], indent: int) -> str:
    """`value` as one entry of a block list at `indent` spaces (`  - key: value`...).

    Safe to indent line by line: dump_yaml never folds a scalar over several lines.
    """
    from factquiz.yamlio import dump_yaml

    pad = " " * indent
    return "".join(pad + line for line in dump_yaml([value]).splitlines(keepends=True))


def _text_without(text: str, data: Any, session_id: str) -> str:
    """`text` minus one session's lines, ready for a session to be appended at its end.

    The other sessions are sliced out as they stand; a file whose shape does not allow it
    (sessions not last, not a block list at two spaces) is rewritten in the standard form.
    """
    from factquiz.yamlio import YamlSeq, dump_yaml, where

    sessions = data.get("sessions")
    lines = text.splitlines(keepends=True)
    if "sessions" not in data:
        return text + ("" if text.endswith("\n") else "\n") + "sessions:\n"
    # `where` gives each session's first line whatever form yamlio keeps its marks in.
    starts = (
        [(where("", sessions, k).line or 1) - 1 for k in range(len(sessions))]
        if isinstance(sessions, YamlSeq)
        else []
    )
    sliceable = (
        list(data)[-1] == "sessions"
        and bool(starts)
        and all(lines[i].startswith("  - ") for i in starts)
    )
    if not sliceable:
        rest = {k: v for k, v in data.items() if k != "sessions"}
        kept = [s for s in sessions or () if s.get("id") != session_id]
        return dump_yaml(rest) + "sessions:\n" + "".join(list_entry(s, 2) for s in kept)
    out = lines[: starts[0]]
    for k, start in enumerate(starts):
        if sessions[k].get("id") != session_id:
            out.extend(lines[start : starts[k + 1] if k + 1 < len(starts) else len(lines)])
    if out and not out[-1].endswith("\n"):
        out[-1] += "\n"
    return "".join(out)


def answer_entry(attempt: Any, expected: str) -> dict[str, Any]:
    """A session Attempt as the journal stores it."""
    item = attempt.item
    entry: dict[str, Any] = {
        "item": item.id,
        "type": item.type,
        "skill": item.skill,
        "at": now_iso(),
        "response": attempt.response,
        "outcome": attempt.outcome,
        "credit": round(attempt.credit, 4),
        "points": item.points,
        "hint": attempt.hinted,
        "retry": attempt.retry,
        "seconds": round(attempt.seconds, 1),
        "expected": expected,
        "reason": attempt.reason or None,
    }
    return {k: v for k, v in entry.items() if v is not None}


# --- the remembered student name -------------------------------------------------------------


def _student_file() -> Path:
    from factquiz.bank import user_home

    return user_home() / "student.yaml"


def remembered_student() -> str | None:
    """The name given the last time factquiz asked, or None."""
    path = _student_file()
    if not path.exists():
        return None
    data = _read(path)
    name = data.get("name") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name.strip() else None


def remember_student(name: str) -> None:
    """Keep the student's name for next time."""
    from factquiz.yamlio import dump_yaml, write_text_atomic

    path = _student_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, dump_yaml({"name": name}))
