"""The inference engine: a drawing (or a raster sketch) in, a picture out.

One object per app, used from one worker thread. A quick preview runs the model at its
native size; the final render runs it at the style's final size for detail, keeps the colours
of a native-size pass (the ones the preview showed), and places the result at up to 1024 px,
with the child's own strokes drawn crisp on top for styles that keep outlines.
Deterministic: the same drawing gives the same picture, except that a shape the child did not
touch keeps the colour Magic colours gave it in the last render (`colour_memory`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from icanvas_desktop.core.strokes import Drawing
from icanvas_desktop.ml.colour_memory import ColourMemory, stroke_keys
from icanvas_desktop.ml.preprocess import (IOSpec, Prepared, coarse_colours, compose, drawing_overlay, ink_of,
                                           output_size, postprocess, prepare_drawing, prepare_skeleton,
                                           raster_sketch)
from icanvas_desktop.ml.regions import Shapes, find_shapes
from icanvas_desktop.ml.style_meta import CheckpointError
from icanvas_desktop.ml.styles import StyleInfo


class StyleLoadError(Exception):
    """A style could not be loaded; `str()` is a friendly line that names the file."""


@dataclass(frozen=True)
class EngineConfig:
    device: str = "auto"    # auto | cpu | cuda
    threads: int = 0        # 0 = all cores but one, so the UI keeps a core
    backend: str = "auto"   # auto | torch | onnx
    magic_colours: bool = True  # colour each shape from pictures of a similar shape (`colour_guess`)


PREVIEW_LONG_SIDE = 512


class Engine:
    def __init__(self, config: EngineConfig = EngineConfig()):
        self.config = config
        self.style: StyleInfo | None = None
        self.spec: IOSpec | None = None
        self._backend = None
        self.backend_name = ""
        self.device_name = ""
        self._colours = None        # the style's colour index, when it has one and takes hints
        self.colours_note = ""      # why Magic colours is off for this style, if it is
        self._memory = ColourMemory()   # the colours the last render's shapes were given

    # ------------------------------------------------------------------ loading
    def load_style(self, style: StyleInfo) -> None:
        from icanvas_desktop.ml.backends import BACKENDS, choose_backend
        try:
            kind = choose_backend(self.config.backend, self.config.device, style.onnx_path is not None)
            backend = BACKENDS[kind](self.config.device, self.config.threads)
            meta = backend.load(style.path)
        except CheckpointError as err:
            raise StyleLoadError(f"The style “{style.display_title('en')}” could not be loaded: {err}") from err
        except (RuntimeError, OSError, ValueError) as err:
            raise StyleLoadError(f"The style “{style.display_title('en')}” could not be loaded "
                                 f"({style.path.name}: {err})") from err
        self._backend, self.style = backend, style
        self._memory.clear()            # another style's colours are not this style's
        self.spec = IOSpec.from_meta(meta.get("io", {}))
        self.backend_name, self.device_name = backend.name, backend.device
        self._load_colours(style)
        try:
            self._warm_up()
        except Exception as err:  # noqa: BLE001 - a graph that loads but cannot run is broken too
            self._backend = self.style = self.spec = None
            raise StyleLoadError(f"The style “{style.display_title('en')}” could not make a picture "
                                 f"({style.path.name}: {err})") from err

    def _load_colours(self, style: StyleInfo) -> None:
        """A damaged colour index turns Magic colours off with a note; the style still works."""
        from icanvas_desktop.ml.colour_guess import load_index
        self._colours, self.colours_note = None, ""
        # `colours_path` is set only for styles that take hints (`styles.style_from_file`).
        # (Tinting the shapes of the earlier hint-less Emoji and Soft was measured and lost: README.)
        path = style.colours_path
        if path is None or not path.exists():
            return
        try:
            self._colours = load_index(path)
        except CheckpointError as err:
            self.colours_note = f"Magic colours is off for “{style.display_title('en')}”: {err}"

    @property
    def has_magic_colours(self) -> bool:
        return self._colours is not None and self.config.magic_colours

    def _magic(self, prep: Prepared, coarse: Prepared | None, shapes: Shapes,
               strokes: frozenset | None = None) -> tuple[Prepared, Prepared | None]:
        """Guessed colour hints for the shapes the child has not hinted, found once on the
        native-size input (the one whose colours the picture keeps; `shapes` are its shapes)
        and given to both passes. For a drawing (`strokes`, its `stroke_keys`), shapes the
        child did not touch since the last render keep the colours they had (`colour_memory`)."""
        if not self.has_magic_colours:
            return prep, coarse
        from dataclasses import replace

        from icanvas_desktop.ml.colour_guess import apply_guesses, guess_for_input
        c = self.spec.line_channels
        native = coarse if coarse is not None else prep
        guesses = guess_for_input(native.x, self._colours, c, shapes=shapes)
        if strokes is not None:
            guesses = self._memory.recall(guesses, shapes.labels, native.crop, native.source_size, strokes)

        def add(p):
            return None if p is None else replace(p, x=apply_guesses(p.x, guesses, c))
        return add(prep), add(coarse)

    def _warm_up(self) -> None:
        """One tiny preview and one final render, while the child still sees "getting ready":
        the runtime settles its kernels for both sizes, and modules that numpy and Pillow import
        lazily are imported now. Under Qt's import hook those imports took seconds, and the
        child's first live picture waited for them."""
        from icanvas_desktop.core.sample_drawings import house
        drawing = house()
        self.preview(drawing)
        self.final(drawing, 256)
        self._memory.clear()            # the warm-up house's colours are nobody's

    def _require(self) -> None:
        if self._backend is None:
            raise StyleLoadError("No style is loaded yet.")

    # ------------------------------------------------------------------ rendering
    def network(self, x: np.ndarray) -> np.ndarray:
        """The bare forward pass on a prepared input (for `icanvas bench`)."""
        self._require()
        return self._backend.run(x)

    def _run(self, prep: Prepared, coarse: Prepared | None, shapes: Shapes) -> np.ndarray:
        """The network and the style's finishing (on `prep`'s `shapes`). With `coarse` (the
        same crop at the native size) the colours come from that pass and the detail from
        `prep` (`coarse_colours`)."""
        rgb = self._backend.run(prep.x)
        if coarse is not None:
            rgb = coarse_colours(rgb, self._backend.run(coarse.x))
        return postprocess(rgb, prep, self.spec, shapes)

    def _takes_preview_colours(self, size: int) -> bool:
        """A render above the native size takes its colours from a native-size pass."""
        return size != self.spec.size and self.spec.colour_from_preview

    def _passes(self, make, size: int, strokes: frozenset | None = None):
        """(input at `size`, the native-size input whose colours it keeps or None, the
        shapes of the first): each render's shapes are found once per size and shared by
        Magic colours and the finishing. `make(size)` prepares the input at a size."""
        prep = make(size)
        if prep is None:
            return None, None, None
        coarse = make(self.spec.size) if self._takes_preview_colours(size) else None
        shapes = find_shapes(ink_of(prep.x))
        native_shapes = find_shapes(ink_of(coarse.x)) if coarse is not None else shapes
        prep, coarse = self._magic(prep, coarse, native_shapes, strokes)
        return prep, coarse, shapes

    def _render(self, drawing: Drawing, size: int, long_side: int, quick: bool = False) -> Image.Image:
        self._require()
        out_wh = output_size((drawing.width, drawing.height), long_side)
        prep, coarse, shapes = self._passes(lambda n: prepare_drawing(drawing, self.spec, n), size,
                                            stroke_keys(drawing.strokes))
        if prep is None:
            return Image.new("RGB", out_wh, (255, 255, 255))
        overlay = drawing_overlay(drawing, out_wh, quick) if self.spec.overlay_lines else None
        return compose(self._run(prep, coarse, shapes), prep, out_wh, overlay, quick, self.spec.line_colour)

    @property
    def preview_size(self) -> int:
        """The live preview's resolution: the style's own choice, else its native size."""
        return self.spec.preview_size or self.spec.size

    def preview(self, drawing: Drawing) -> Image.Image:
        """Quick picture at the style's preview size, shown beside the canvas while drawing."""
        self._require()
        return self._render(drawing, self.preview_size, PREVIEW_LONG_SIDE, quick=True)

    def final(self, drawing: Drawing, long_side: int = 1024) -> Image.Image:
        """The full-size picture for the Magic button and the gallery."""
        self._require()
        return self._render(drawing, self.spec.final_size, min(max(64, long_side), 2048))

    def render_raster(self, image: Image.Image, long_side: int = 512) -> Image.Image:
        """A raster sketch (PNG, photo of a paper drawing): cleaned, then rendered."""
        self._require()
        sketch = raster_sketch(image)
        skel = sketch.skeleton
        h, w = skel.shape
        out_wh = output_size((w, h), long_side)
        colours = (sketch.hint_rgb, sketch.hint_mask)   # what the child coloured in: their hints
        prep, coarse, shapes = self._passes(lambda n: prepare_skeleton(skel, self.spec, n, *colours),
                                            self.spec.final_size)
        if prep is None:
            return Image.new("RGB", out_wh, (255, 255, 255))
        overlay = None
        if self.spec.overlay_lines:
            # The cleaned lines, redrawn with a pen in proportion to the picture, then scaled.
            from icanvas_desktop.ml.lines import redraw
            k = out_wh[0] / w
            ink = redraw(skel, max(2.0, 0.012 * max(out_wh)) / k)
            overlay = np.asarray(Image.fromarray((ink * 255).astype(np.uint8)).resize(out_wh, Image.BILINEAR),
                                 np.float32) / 255.0
        return compose(self._run(prep, coarse, shapes), prep, out_wh, overlay, line_colour=self.spec.line_colour)
