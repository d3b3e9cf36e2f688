"""ui/jobs.py: keyed jobs on a worker QThread, results back on the UI thread as queued signals."""

import threading
import time

from PySide6.QtCore import QThread

from icanvas_desktop.ui.jobs import JobWorker


def collect(worker):
    got = []
    worker.done.connect(lambda key, result: got.append((key, result, QThread.currentThread())))
    return got


def test_results_arrive_on_the_ui_thread_and_an_error_is_a_result(qtbot):
    worker = JobWorker(newest_first=False)
    got = collect(worker)
    where = []
    worker.submit("a", lambda: where.append(threading.current_thread()) or 1 + 1)
    worker.submit("b", lambda: 1 / 0)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    assert [k for k, _, _ in got] == ["a", "b"] and got[0][1] == 2
    assert isinstance(got[1][1], ZeroDivisionError)
    assert all(t is QThread.currentThread() for _, _, t in got)        # delivered on the UI thread
    assert where[0] is not threading.main_thread()                      # run on the worker's
    worker.stop(wait=True)


def test_the_newest_waiting_job_runs_first_and_a_key_asked_again_runs_once(qtbot):
    worker = JobWorker(newest_first=True)
    got = collect(worker)
    gate = threading.Event()
    worker.submit("busy", gate.wait)
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=5000)      # "busy" is running
    for key in ("one", "two", "one", "three"):
        worker.submit(key, lambda key=key: key)
    assert worker.pending() == 3
    gate.set()
    qtbot.waitUntil(lambda: len(got) == 4, timeout=5000)
    assert [k for k, _, _ in got] == ["busy", "three", "one", "two"]
    worker.stop(wait=True)


def test_stopping_with_finish_runs_what_waits_and_without_drops_it(qtbot):
    for finish, ran in ((True, ["a", "b", "c"]), (False, ["a"])):
        worker = JobWorker(newest_first=False)
        done = []
        gate = threading.Event()
        worker.submit("a", lambda: (gate.wait(), done.append("a")))
        qtbot.waitUntil(lambda: worker.pending() == 0, timeout=5000)
        worker.submit("b", lambda: done.append("b"))
        worker.submit("c", lambda: done.append("c"))
        threading.Timer(0.05, gate.set).start()
        worker.stop(finish=finish, wait=True)
        assert done == ran and not worker._thread.isRunning()
        worker.submit("d", lambda: done.append("d"))                  # a stopped worker takes nothing
        time.sleep(0.05)
        assert done == ran


def test_a_forgotten_worker_ends_its_thread_instead_of_aborting_the_program(qtbot):
    import gc
    worker = JobWorker()
    thread = worker._thread
    worker.submit("slow", lambda: time.sleep(0.1))
    del worker
    gc.collect()
    assert thread.wait(5000) and not thread.isRunning()
