"""`icanvas bench` on a system without the POSIX `resource` module (Windows): it still measures,
and says that it cannot tell the peak memory instead of crashing."""

import sys

from helpers import tiny_style

from icanvas_desktop.ml import bench
from icanvas_desktop.ml.styles import style_from_file


def test_peak_memory_is_a_size_in_megabytes_where_the_system_reports_it():
    assert 10 < bench.peak_rss_mb() < 1_000_000


def test_bench_runs_without_the_resource_module_and_says_memory_is_unknown(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "resource", None)     # `import resource` now fails
    monkeypatch.setattr(sys, "platform", "sunos5")         # neither POSIX counters nor Windows ones
    monkeypatch.setattr(bench, "reference_ms", lambda threads, runs: None)   # not what is tested
    lines = []
    style = style_from_file(tiny_style(tmp_path))
    result = bench.run_bench(threads=1, runs=1, backends=["torch"], styles=[style], log=lines.append)
    assert result["styles"]["tiny"]["preview_ms"] > 0
    assert result["peak_rss_mb"] is None and result["peak_rss_mb_by_backend"] == {"torch": None}
    assert "peak memory of the engine: not known on this system" in lines[-1]
