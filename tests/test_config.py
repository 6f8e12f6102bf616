"""Configuration files: keys, validation with did-you-mean, nearest file wins, discovery."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from smartlint import config as config_module
from smartlint.config import Config, ConfigError, Resolver, load
from smartlint.discover import Source, discover
from smartlint.model import Language, Severity
from smartlint.project import ConfigPolicy, Overrides, ignored_codes, settings_for

TODAY = date(2027, 1, 15)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_is_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path / ".smartlint.yaml",
        "select: [T, S101]\nextend-select: A3\nignore: ['T502']\n"
        "per-file-ignores: {'drafts/*.yaml': [T]}\nseverity: {T506: warning, specific: info}\n"
        "language: vi\nachievable-factor: 3\nextreme-monthly-growth: 0.5\n"
        "include: ['*.goals.yaml']\nexclude: [archive/]\nrespect-gitignore: false\n"
        "fail-on: warning\nformat: concise\n",
    )
    config = load(path)
    assert config is not None
    assert config.select == ("T", "S101") and config.extend_select == ("A3",)
    assert config.per_file_ignores == (("drafts/*.yaml", ("T",)),)
    assert dict(config.severity)["T506"] is Severity.WARNING
    assert dict(config.severity)["S101"] is Severity.INFO
    assert config.options.achievable_factor == 3.0
    assert config.options.extreme_monthly_growth == 0.5
    assert config.options.language is Language.VI
    assert config.include == ("*.goals.yaml",) and config.exclude == ("archive/",)
    assert not config.respect_gitignore
    assert (config.fail_on, config.output_format) == ("warning", "concise")
    assert config.root == tmp_path


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("selct: [T]\n", "unknown key 'selct' (did you mean 'select'?)"),
        (
            "achievable_factor: 3\n",
            "unknown key 'achievable_factor' (did you mean 'achievable-factor'?)",
        ),
        ("select: [T9]\n", "'select': unknown rule selector 'T9'"),
        ("ignore: [no-quantty]\n", "(did you mean 'no-quantity'?)"),
        ("achievable-factor: -1\n", "'achievable-factor' must be a positive number"),
        ("achievable-factor: yes\n", "'achievable-factor' must be a positive number"),
        ("language: fr\n", "'language' must be one of vi, en"),
        ("severity: {T501: fatal}\n", "'severity.T501' must be one of info, warning, error"),
        ("fail-on: sometimes\n", "'fail-on' must be one of error, warning, info, never"),
        ("format: xml\n", "'format' must be one of"),
        ("- select\n", "must be a mapping"),
        ("select: [T\n", "invalid YAML"),
    ],
)
def test_bad_configuration_names_the_file_and_key(tmp_path: Path, text: str, fragment: str) -> None:
    path = _write(tmp_path / ".smartlint.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert fragment in str(caught.value)


def test_pyproject_table_is_read_and_others_are_not_configs(tmp_path: Path) -> None:
    plain = _write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert load(plain) is None
    with_table = _write(
        tmp_path / "b" / "pyproject.toml", "[tool.smartlint]\nignore = ['R']\nlanguage = 'en'\n"
    )
    config = load(with_table)
    assert config is not None and config.ignore == ("R",)
    bad = _write(tmp_path / "c" / "pyproject.toml", "[tool.smartlint]\nignor = ['R']\n")
    with pytest.raises(ConfigError, match="unknown key 'ignor' \\(did you mean 'ignore'\\?\\)"):
        load(bad)


def test_nearest_file_wins_and_yaml_comes_before_pyproject(tmp_path: Path) -> None:
    _write(tmp_path / ".smartlint.yaml", "ignore: [T]\n")
    _write(tmp_path / "team" / "pyproject.toml", "[tool.smartlint]\nignore = ['R']\n")
    _write(tmp_path / "team" / "q3" / "goals.yaml", "- x\n")
    _write(tmp_path / "other" / "pyproject.toml", "[project]\nname = 'x'\n")
    resolver = Resolver()
    assert resolver.for_path(tmp_path / "team" / "q3" / "goals.yaml").ignore == ("R",)
    assert resolver.for_path(tmp_path / "other").ignore == ("T",)
    _write(tmp_path / "team" / ".smartlint.yaml", "ignore: [S]\n")
    assert Resolver().for_path(tmp_path / "team" / "q3").ignore == ("S",)


def test_lookups_are_cached_per_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / ".smartlint.yaml", "ignore: [T]\n")
    reads: list[Path] = []
    real = config_module.load

    def counting(path: Path, loaded: config_module.Loaded | None = None) -> Config | None:
        reads.append(path)
        return real(path, loaded)

    monkeypatch.setattr(config_module, "load", counting)
    resolver = Resolver()
    for index in range(50):
        resolver.for_path(tmp_path / "deep" / "er" / f"goals{index}.yaml")
    assert reads == [tmp_path / ".smartlint.yaml"]


def test_an_extended_file_is_read_once_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The repository's file a team's extends is not read again as its own folder's."""
    _write(tmp_path / ".smartlint.yaml", "ignore: [T]\n")
    _write(tmp_path / "team" / ".smartlint.yaml", "extend: ../.smartlint.yaml\nignore: [R]\n")
    reads: list[Path] = []
    real = config_module._read_table

    def counting(path: Path) -> dict[str, object] | None:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(config_module, "_read_table", counting)
    resolver = Resolver()
    team = resolver.for_path(tmp_path / "team" / "goals.yaml")
    repository = resolver.for_path(tmp_path / "goals.yaml")
    assert team.ignore == ("R",) and repository.ignore == ("T",)
    assert sorted(reads) == [tmp_path / ".smartlint.yaml", tmp_path / "team" / ".smartlint.yaml"]
    assert repository == Resolver().for_path(tmp_path / "goals.yaml")  # the same as read alone


def test_config_option_and_isolated(tmp_path: Path) -> None:
    _write(tmp_path / ".smartlint.yaml", "ignore: [T]\n")
    chosen = _write(tmp_path / "ci.yaml", "ignore: [R]\n")
    assert Resolver(config_file=chosen).for_path(tmp_path).ignore == ("R",)
    assert Resolver(isolated=True).for_path(tmp_path).ignore == ()


def test_command_line_layers_over_the_configuration(tmp_path: Path) -> None:
    config = Config(root=tmp_path, select=("T",), ignore=("T502",))
    codes = [r.code for r in settings_for(config, Overrides(), TODAY).rules]
    assert codes and all(c.startswith("T") for c in codes) and "T502" not in codes
    again = settings_for(config, Overrides(select=("T502",)), TODAY)
    assert [r.code for r in again.rules] == ["T502"]
    more = settings_for(config, Overrides(extend_select=("S101",), ignore=("T501",)), TODAY)
    assert "S101" in [r.code for r in more.rules] and "T501" not in [r.code for r in more.rules]


def test_severity_overrides_and_options_reach_the_engine(tmp_path: Path) -> None:
    path = _write(tmp_path / ".smartlint.yaml", "severity: {T506: warning}\nachievable-factor: 4\n")
    config = load(path)
    assert config is not None
    settings = settings_for(config, Overrides(language=Language.EN), TODAY)
    assert settings.severities["T506"] is Severity.WARNING
    assert settings.options.achievable_factor == 4.0
    assert settings.options.language is Language.EN


def test_per_file_ignores_match_relative_globs(tmp_path: Path) -> None:
    config = Config(
        root=tmp_path, per_file_ignores=(("drafts/*.yaml", ("T",)), ("*.old.yaml", ("R401",)))
    )
    assert "T501" in ignored_codes(config, tmp_path / "drafts" / "q3.yaml")
    assert ignored_codes(config, tmp_path / "plans" / "q3.yaml") == frozenset()
    assert ignored_codes(config, tmp_path / "plans" / "q3.old.yaml") == frozenset({"R401"})


def _walked(paths: list[str], policy: ConfigPolicy | None = None) -> list[str]:
    return sorted(
        Path(s.display).as_posix() for s in discover(paths, policy) if isinstance(s, Source)
    )


def test_walks_respect_gitignore_and_excludes(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    _write(tmp_path / ".gitignore", "build/\n*.tmp.yaml\n!keep.tmp.yaml\n")
    _write(tmp_path / "plans" / ".gitignore", "/local.yaml\n")
    for name in ("plans/a.yaml", "plans/local.yaml", "plans/x.tmp.yaml", "plans/keep.tmp.yaml",
                 "build/out.yaml", "archive/old.yaml", "plans/sub/local.yaml"):  # fmt: skip
        _write(tmp_path / name, "- x\n")
    found = _walked([str(tmp_path / "plans")])
    rel = [str(Path(p).relative_to(tmp_path.as_posix())) for p in found]
    assert rel == ["plans/a.yaml", "plans/keep.tmp.yaml", "plans/sub/local.yaml"]
    _write(
        tmp_path / ".smartlint.yaml", "exclude: [archive/, 'plans/sub']\nrespect-gitignore: false\n"
    )
    policy = ConfigPolicy(Resolver(), Overrides())
    rel = [str(Path(p).relative_to(tmp_path.as_posix())) for p in _walked([str(tmp_path)], policy)]
    assert "archive/old.yaml" not in rel and "plans/sub/local.yaml" not in rel
    assert "build/out.yaml" in rel and "plans/local.yaml" in rel


def test_explicit_files_are_read_unless_force_exclude(tmp_path: Path) -> None:
    _write(tmp_path / ".smartlint.yaml", "exclude: [archive/]\n")
    old = _write(tmp_path / "archive" / "old.yaml", "- x\n")
    assert _walked([str(old)], ConfigPolicy(Resolver(), Overrides())) == [old.as_posix()]
    forced = ConfigPolicy(Resolver(), Overrides(force_exclude=True))
    assert _walked([str(old)], forced) == []


def test_include_patterns_choose_walked_files(tmp_path: Path) -> None:
    _write(tmp_path / ".smartlint.yaml", "include: ['*.goals.yaml']\n")
    _write(tmp_path / "q3.goals.yaml", "- x\n")
    _write(tmp_path / "compose.yaml", "services: {}\n")
    found = _walked([str(tmp_path)], ConfigPolicy(Resolver(), Overrides()))
    assert [Path(p).name for p in found] == ["q3.goals.yaml"]


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "g.yaml", "- x\n")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [Path(p).name for p in _walked([str(tmp_path)])] == ["g.yaml"]
