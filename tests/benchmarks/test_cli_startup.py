"""How fast the command line starts. Run with:
python -m pytest tests/benchmarks/test_cli_startup.py -s

Prints the figures; asserts nothing about time. Every figure comes from a fresh interpreter
(a subprocess, as a person at a terminal starts one): the median of RUNS runs, wall-clock and,
in brackets, CPU time (user + system: what it is on an idle machine; the two differ when other
work shares the cores).

- `workshop --help`: lists every command from the table in `workshop/cli/__init__.py`,
  importing none of them.
- `workshop NAME --help` for one command of each command module, and the time that module's
  import takes on top of `workshop.cli` (what every run of that command pays before it starts).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time

from workshop.cli import COMMANDS, PRINT_COMMANDS

RUNS = 7


def _run(args: list[str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def _median(args: list[str]) -> tuple[float, float, str]:
    runs = [_run(args) for _ in range(RUNS)]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        runs[-1][2],
    )


def test_help_and_each_command() -> None:
    env_python = [sys.executable, "-c"]
    wall, cpu, _ = _median([*env_python, "pass"])
    print(f"\npython -c pass: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)")
    wall, cpu, _ = _median([*env_python, "import click"])
    print(f"import click: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)")
    main = (
        "import sys; from workshop.cli import main; sys.argv = ['workshop', *sys.argv[1:]]; main()"
    )
    wall, cpu, _ = _median([*env_python, main, "--help"])
    print(f"workshop --help: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)")

    firsts: dict[str, str] = {}
    for name, entry in [*COMMANDS.items(), *(("print " + n, e) for n, e in PRINT_COMMANDS.items())]:
        firsts.setdefault(entry.module, name)
    for module, name in firsts.items():
        wall, cpu, _ = _median([*env_python, main, *name.split(), "--help"])
        probe = (
            "import time, workshop.cli; t = time.perf_counter(); "
            f"import workshop.cli.{module}; print(time.perf_counter() - t)"
        )
        imports = statistics.median(float(_run([*env_python, probe])[2]) for _ in range(RUNS))
        print(
            f"workshop {name} --help: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms); "
            f"import workshop.cli.{module}: {imports * 1000:.0f} ms"
        )
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
