"""Configuration files: ``.smartlint.yaml`` or ``[tool.smartlint]`` in ``pyproject.toml``.

The file nearest to a goal file wins (looking in its directory, then upwards); within one
directory ``.smartlint.yaml`` comes before ``pyproject.toml``, and a ``pyproject.toml``
without ``[tool.smartlint]`` is not a configuration.  Files are not merged, except that a
file with ``extend: PATH`` inherits that file's settings (as ruff's ``extend``).  Lookups are
cached per directory, so a run over thousands of files reads each configuration once.
Globs (``include``, ``exclude``, ``per-file-ignores``) are gitignore-style patterns
relative to the configuration file's directory.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from smartlint.context import Options
from smartlint.model import Language, Severity
from smartlint.records import record
from smartlint.reporters import FORMATS
from smartlint.rules import ALL_RULES
from smartlint.selection import Layer, SelectorError, matches, split_selectors

YAML_NAME = ".smartlint.yaml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_INCLUDE = ("*.yaml", "*.yml")
# rule options: the configuration key is the Options field name in kebab-case
OPTION_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Options) if f.name != "language"}


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


@record(slots=False)
class Config:
    """One configuration file's settings, validated; ``path`` is None for the defaults."""

    root: Path
    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()  # code -> severity, sorted
    options: Options = field(default_factory=Options)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    fail_on: str | None = None
    output_format: str | None = None
    goal_root: str | None = None  # `root`: where the whole goal set lives (like --root)
    columns: tuple[tuple[str, str], ...] = ()  # goal sheets: role -> header text
    sheets: tuple[str, ...] = ()  # workbooks: the sheets to read (empty: every sheet)
    schema: tuple[tuple[str, str], ...] = ()  # another team's YAML: "goals" and field -> key
    # `extend`: the selection layers of the extended files (furthest first), the directory
    # each glob key is relative to when it came from an extended file, and the files' paths
    inherited: tuple[Layer, ...] = ()
    glob_bases: tuple[tuple[str, Path], ...] = ()
    extends: tuple[Path, ...] = ()

    def base_of(self, key: str) -> Path:
        """Return the directory the globs of ``include``, ``exclude`` or ``per-file-ignores``
        are relative to: this file's, or the extended file's that set them."""
        return dict(self.glob_bases).get(key, self.root)


def _did_you_mean(name: str, known: tuple[str, ...]) -> str:
    """Return ' (did you mean 'x'?)' for the known name closest to a misspelt one, or ''."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _selectors(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key!r} must be a list of rule codes, prefixes or names")
    selectors = split_selectors(value)
    try:
        matches(selectors, ALL_RULES)
    except SelectorError as exc:
        raise ValueError(f"{key!r}: {exc}") from None
    return selectors


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key!r} must be a path")
    return value


def _globs(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{key!r} must be a list of glob patterns")
    return tuple(value)


def _choice(value: Any, key: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value.lower() not in choices:
        raise ValueError(f"{key!r} must be one of {', '.join(choices)}, not {value!r}")
    return value.lower()


def _severity_map(value: Any, key: str) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"{key!r} must map rule codes to info, warning or error")
    found: dict[str, Severity] = {}
    for selector, level in value.items():
        name = _choice(level, f"{key}.{selector}", tuple(s.value for s in Severity))
        for code in _selectors(str(selector), f"{key}.{selector}"):
            for each in matches([code], ALL_RULES):
                found[each] = Severity(name)
    return tuple(sorted(found.items()))


def _per_file(value: Any, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"{key!r} must map glob patterns to lists of rule codes")
    return tuple((str(glob), _selectors(codes, f"{key}.{glob}")) for glob, codes in value.items())


def _option(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError(f"{key!r} must be a positive number, not {value!r}")
    return float(value)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a fiscal year never ends on 29 Feb


def _month_day(value: Any, key: str) -> str:
    """Read a fiscal year end written MM-DD ("06-30", "9-30") into its canonical form."""
    parts = value.strip().split("-") if isinstance(value, str) else []
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        month, day = int(parts[0]), int(parts[1])
        if 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]:
            return f"{month:02d}-{day:02d}"
    raise ValueError(f"{key!r} must be a month and day as MM-DD (for example 06-30), not {value!r}")


def _bool(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{key!r} must be true or false, not {value!r}")
    return value


def _columns(value: Any, key: str) -> tuple[tuple[str, str], ...]:
    from smartlint.parser.sheet_columns import ROLES

    if not isinstance(value, dict):
        raise ValueError(f"{key!r} must map goal fields (title, target, ...) to column headers")
    found: list[tuple[str, str]] = []
    for role, header in value.items():
        if role not in ROLES:
            hint = _did_you_mean(str(role), ROLES)
            raise ValueError(
                f"{key}: unknown column {role!r}{hint}; columns are {', '.join(ROLES)}"
            )
        if not isinstance(header, str) or not header.strip():
            raise ValueError(f"{key}.{role} must be the column's header text, not {header!r}")
        found.append((role, header))
    return tuple(found)


def _names(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{key!r} must be a list of sheet names")
    return tuple(value)


def _schema(value: Any, key: str) -> tuple[tuple[str, str], ...]:
    from smartlint.parser.schema import SCHEMA_FIELDS

    known = ("goals", *SCHEMA_FIELDS)
    if not isinstance(value, dict):
        raise ValueError(f"{key!r} must map goals and goal fields (title, target, ...) to keys")
    found: list[tuple[str, str]] = []
    for name, foreign in value.items():
        if name not in known:
            hint = _did_you_mean(str(name), known)
            raise ValueError(f"{key}: unknown key {name!r}{hint}; keys are {', '.join(known)}")
        if not isinstance(foreign, str) or (name != "goals" and not foreign.strip()):
            raise ValueError(f"{key}.{name} must be a key name, not {foreign!r}")
        found.append((name, foreign))
    if "goals" not in dict(found) or "title" not in dict(found):
        raise ValueError(f"{key} needs goals (where the list is) and title (the goal's key)")
    return tuple(found)


_FORMATS = tuple(FORMATS)
_OPTION_READERS: dict[str, Callable[[Any, str], Any]] = {"fiscal_year_end": _month_day}

Reader = Callable[[Any, str], Any]
_KEYS: dict[str, tuple[str, Reader]] = {
    "select": ("select", _selectors),
    "extend-select": ("extend_select", _selectors),
    "ignore": ("ignore", _selectors),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "severity": ("severity", _severity_map),
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "respect-gitignore": ("respect_gitignore", _bool),
    "fail-on": ("fail_on", lambda v, k: _choice(v, k, FAIL_ON)),
    "format": ("output_format", lambda v, k: _choice(v, k, _FORMATS)),
    "root": ("goal_root", lambda v, k: _text(v, k)),
    "language": ("language", lambda v, k: Language(_choice(v, k, ("vi", "en")))),
    **{key: (name, _OPTION_READERS.get(name, _option)) for key, name in OPTION_KEYS.items()},
    "columns": ("columns", _columns),
    "sheets": ("sheets", _names),
    "schema": ("schema", _schema),
}
KNOWN_KEYS = tuple(sorted((*_KEYS, "extend")))
_LAYERED = ("select", "extend-select", "ignore")
_GLOB_KEYS = ("include", "exclude", "per-file-ignores")


def shown(path: Path) -> str:
    """Return a configuration path as messages show it: relative to the cwd when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def from_mapping(data: Mapping[str, Any], path: Path) -> Config:
    """Validate a configuration table; raise :class:`ConfigError` naming the file and key."""
    values: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            hint = _did_you_mean(str(key), KNOWN_KEYS)
            raise ConfigError(f"{shown(path)}: unknown key {key!r}{hint}")
        name, reader = _KEYS[key]
        try:
            parsed = reader(value, key)
        except ValueError as exc:
            raise ConfigError(f"{shown(path)}: {exc}") from None
        if name == "language" or name in OPTION_KEYS.values():
            options[name] = parsed
        else:
            values[name] = parsed
    return Config(root=path.parent, path=path, options=replace(Options(), **options), **values)


Loaded = dict[Path, Config | None]  # configuration files already read, by path


def load(path: Path, loaded: Loaded | None = None) -> Config | None:
    """Read one configuration file; None for a pyproject.toml without ``[tool.smartlint]``.

    A file with ``extend: PATH`` inherits that file's settings (see :func:`_extended`).
    ``loaded`` remembers the files read so far, the extended ones included: a repository's
    file that a team's file extends is then read once, not again as the nearest of its own
    folder.
    """
    return _load(path, (), {} if loaded is None else loaded)


def _load(path: Path, chain: tuple[Path, ...], loaded: Loaded) -> Config | None:
    if path in loaded:
        return loaded[path]
    data = _read_table(path)
    config: Config | None = None
    if data is not None:
        own = {key: value for key, value in data.items() if key != "extend"}
        config = from_mapping(own, path)
        if "extend" in data:
            base = _load_extended(path, data["extend"], chain, loaded)
            config = _extended(config, own.keys(), base)
    loaded[path] = config
    return config


def _read_table(path: Path) -> dict[str, Any] | None:
    """Return a configuration file's table of keys; None for pyproject.toml without one."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown(path)}: cannot read the configuration: {exc}") from None
    if path.name == PYPROJECT or path.suffix == ".toml":
        # Imported here: a run with no TOML configuration in reach never pays for the parser.
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{shown(path)}: invalid TOML: {exc}") from None
        section = table.get("tool", {}).get("smartlint")
        if section is None:
            return None if path.name == PYPROJECT else {}
        if not isinstance(section, dict):
            raise ConfigError(f"{shown(path)}: [tool.smartlint] must be a table")
        return section
    try:
        data = yaml.safe_load(text)  # a configuration file, not a goal file: positions don't matter
    except yaml.YAMLError as exc:
        raise ConfigError(f"{shown(path)}: invalid YAML: {' '.join(str(exc).split())}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{shown(path)}: the configuration must be a mapping of keys to values")
    return data


def _load_extended(path: Path, extend: Any, chain: tuple[Path, ...], loaded: Loaded) -> Config:
    """Load the file ``extend`` names, relative to ``path``; refuse cycles and missing files."""
    if not isinstance(extend, str) or not extend.strip():
        raise ConfigError(f"{shown(path)}: 'extend' must be the path of a configuration file")
    target = Path(os.path.normpath(path.parent / os.path.expanduser(extend.strip())))
    here = path.resolve()
    seen = (*chain, here)
    if target.resolve() in seen:
        loop = " -> ".join(shown(p) for p in (*seen[seen.index(target.resolve()) :], target))
        raise ConfigError(f"{shown(path)}: 'extend' makes a cycle: {loop}")
    if not target.is_file():
        raise ConfigError(f"{shown(path)}: 'extend': {shown(target)}: no such file")
    base = _load(target, seen, loaded)
    if base is None:
        raise ConfigError(f"{shown(path)}: 'extend': {shown(target)} has no [tool.smartlint]")
    return base


def _extended(config: Config, keys: Iterable[str], base: Config) -> Config:
    """Return ``config`` over ``base``, as ruff's ``extend``: the extending file's keys win.

    Rule selection layers instead, as ruff's does: the extended file's ``select``,
    ``extend-select`` and ``ignore`` come first, this file's on top.  Paths of the extended
    file stay relative to it: its ``root`` is made absolute, its globs keep its directory.
    """
    own = set(keys)
    changes: dict[str, Any] = {}
    for key, (name, _) in _KEYS.items():
        if key in own or key in _LAYERED or name == "language" or name in OPTION_KEYS.values():
            continue
        changes[name] = getattr(base, name)
    if "root" not in own and base.goal_root is not None:
        changes["goal_root"] = os.path.normpath(base.root / base.goal_root)
    options = {
        name: getattr(config.options, name)
        for key, name in (*OPTION_KEYS.items(), ("language", "language"))
        if key in own
    }
    bases = {key: base.base_of(key) for key in _GLOB_KEYS if key not in own}
    return replace(
        config,
        **changes,
        options=replace(base.options, **options),
        inherited=(*base.inherited, Layer(base.select, base.extend_select, base.ignore)),
        glob_bases=tuple(sorted((*config.glob_bases, *bases.items()))),
        extends=(*base.extends, *((base.path,) if base.path else ())),
    )


class Resolver:
    """Find the configuration for a directory: fixed, isolated, or the nearest file."""

    def __init__(self, *, config_file: Path | None = None, isolated: bool = False) -> None:
        """Use ``config_file`` for every path, or no file at all when ``isolated``."""
        self._fixed: Config | None = None
        if config_file is not None:
            self._fixed = load(config_file) or from_mapping({}, config_file)
        elif isolated:
            self._fixed = Config(root=Path.cwd())
        self._cache: dict[Path, Config] = {}
        self._loaded: Loaded = {}

    def for_path(self, path: Path | None) -> Config:
        """Return the configuration for a file or directory (None: standard input)."""
        if self._fixed is not None:
            return self._fixed
        folder = Path.cwd() if path is None else path.absolute()
        if path is not None and not folder.is_dir():
            folder = folder.parent
        return self._for_dir(folder)

    def _for_dir(self, folder: Path) -> Config:
        visited: list[Path] = []
        found: Config | None = None
        current = folder
        while True:
            if current in self._cache:
                found = self._cache[current]
                break
            visited.append(current)
            found = self._in_dir(current)
            if found is not None or current.parent == current:
                break
            current = current.parent
        config = found or Config(root=Path.cwd())
        for each in visited:
            self._cache[each] = config
        return config

    def _in_dir(self, folder: Path) -> Config | None:
        for name in (YAML_NAME, PYPROJECT):
            candidate = folder / name
            if candidate.is_file():
                loaded = load(candidate, self._loaded)
                if loaded is not None:
                    return loaded
        return None
