"""The engine worker: newest request wins, the UI thread never waits, failures are friendly."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from icanvas_desktop.core.strokes import Drawing, Point, Stroke
from icanvas_desktop.ui.worker import RenderController, pil_to_qimage


FakeEngine = FakeStyle = None  # bound by the _fakes fixture below


@pytest.fixture(autouse=True)
def _fakes(engine_class, style_class):
    # Test modules cannot import conftest by name (other test folders have one too).
    global FakeEngine, FakeStyle
    FakeEngine, FakeStyle = engine_class, style_class


@pytest.fixture
def make_controller(qtbot):
    made = []

    def make(engine):
        c = RenderController(lambda: engine)
        made.append(c)
        return c
    yield make
    for c in made:
        c.shutdown()


def drawing_with(n: int) -> Drawing:
    d = Drawing()
    for i in range(n):
        d.add_stroke(Stroke([Point(10 + i, 10), Point(500, 400 + i)]))
    return d


def test_only_the_newest_of_ten_requests_is_delivered_and_stale_ones_never_run(qtbot,
                                                                                 make_controller):
    engine = FakeEngine(delay=0.2)
    controller = make_controller(engine)
    delivered = []
    controller.preview_ready.connect(lambda r: delivered.append(r.revision))
    snapshots = [drawing_with(i + 1).snapshot() for i in range(10)]
    for snap in snapshots:
        controller.request_preview(snap)
    qtbot.waitUntil(lambda: bool(delivered), timeout=20_000)
    qtbot.waitUntil(controller.is_idle, timeout=20_000)
    qtbot.wait(300)  # give any wrongly queued result the chance to show up
    assert delivered == [snapshots[-1].revision]
    # The first request was already running; requests 2..9 were replaced while pending.
    assert engine.calls == [("preview", snapshots[0].revision), ("preview", snapshots[-1].revision)]


def test_ui_thread_keeps_processing_events_while_the_engine_computes(qtbot, make_controller):
    engine = FakeEngine(delay=0.5)
    controller = make_controller(engine)
    seen_busy = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: seen_busy.append(engine.busy.is_set()))
    timer.start()
    with qtbot.waitSignal(controller.preview_ready, timeout=20_000):
        controller.request_preview(drawing_with(2).snapshot())
    timer.stop()
    # Timer ticks were handled on the UI thread while the engine was in the middle of its work.
    assert any(seen_busy)


def test_the_engine_is_built_and_called_on_the_worker_thread(qtbot, make_controller):
    built_on = []
    engine = FakeEngine()

    def factory():
        built_on.append(threading.get_ident())
        return engine
    controller = RenderController(factory)
    try:
        with qtbot.waitSignal(controller.preview_ready, timeout=20_000):
            controller.request_preview(drawing_with(1).snapshot())
    finally:
        controller.shutdown()
    main = threading.get_ident()
    assert built_on and built_on[0] != main
    assert engine.thread_ids and main not in engine.thread_ids


def test_a_broken_style_reports_a_friendly_message_naming_the_file(qtbot, make_controller):
    engine = FakeEngine(broken=("broken",))
    controller = make_controller(engine)
    with qtbot.waitSignal(controller.failed, timeout=20_000) as blocker:
        controller.request_style(FakeStyle("broken"))
    kind, message = blocker.args
    assert kind == "style" and "fake.safetensors" in message


def test_a_loaded_style_is_reported_with_its_info(qtbot, make_controller):
    engine = FakeEngine()
    controller = make_controller(engine)
    style = FakeStyle("sticker")
    with qtbot.waitSignal(controller.style_ready, timeout=20_000) as blocker:
        controller.request_style(style)
    assert blocker.args == [style] and engine.style is style


def test_magic_waiting_behind_a_preview_runs_before_a_newer_preview(qtbot, make_controller):
    engine = FakeEngine(delay=0.2)
    controller = make_controller(engine)
    finals = []
    controller.final_ready.connect(finals.append)
    controller.request_preview(drawing_with(1).snapshot())   # runs at once
    final_snap = drawing_with(2).snapshot()
    controller.request_final(final_snap)                      # waits
    controller.request_preview(drawing_with(3).snapshot())   # waits, behind the final
    qtbot.waitUntil(controller.is_idle, timeout=20_000)
    assert [k for k, _ in engine.calls] == ["preview", "final", "preview"]
    assert len(finals) == 1 and finals[0].revision == final_snap.revision


def test_an_engine_error_becomes_a_failed_signal_not_a_crash(qtbot, make_controller):
    class Exploding(FakeEngine):
        def preview(self, drawing):
            raise RuntimeError("out of memory")
    controller = make_controller(Exploding())
    with qtbot.waitSignal(controller.failed, timeout=20_000) as blocker:
        controller.request_preview(drawing_with(1).snapshot())
    assert blocker.args == ["preview", "out of memory"]


def test_pil_pictures_become_qimages_of_the_same_size_and_colour():
    from PIL import Image
    image = pil_to_qimage(Image.new("RGB", (30, 20), (250, 10, 100)))
    assert (image.width(), image.height()) == (30, 20)
    c = image.pixelColor(5, 5)
    assert (c.red(), c.green(), c.blue()) == (250, 10, 100)
