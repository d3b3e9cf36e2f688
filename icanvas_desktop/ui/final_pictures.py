"""Which final (Magic!) pictures belong to the strokes on the page, by style.

The main window asks this small record three questions: is the picture area showing a final
of the strokes now on the page (then a style switch makes the final in the new style, not a
preview); has a final in that style already been made for these strokes (then a switch back
shows it at once and keeps no second copy); and which final request is still out (only the
newest can arrive: the worker drops older ones).
"""

from __future__ import annotations

from typing import Any


class FinalPictures:
    def __init__(self):
        self.revision = -1            # the drawing revision of the final on show; -1: none
        self._by_style: dict[str, Any] = {}
        self._by_style_revision = -1
        self._request: tuple[int, Any, bool] | None = None   # (id, snapshot, pressed Magic?)

    def showing(self, revision: int) -> bool:
        """True while the picture area holds a final of this drawing revision."""
        return self.revision == revision

    def show(self, revision: int, style_name: str, image: Any) -> None:
        """A final of `revision` in this style is on show (from Magic!, a style switch, or
        the gallery); it is remembered for a switch back."""
        self.revision = revision
        self.keep(revision, style_name, image)

    def keep(self, revision: int, style_name: str, image: Any) -> None:
        if revision != self._by_style_revision:
            self._by_style, self._by_style_revision = {}, revision
        if style_name:
            self._by_style[style_name] = image

    def kept(self, revision: int, style_name: str) -> Any | None:
        """The final already made in this style for this revision, if any."""
        return self._by_style.get(style_name) if revision == self._by_style_revision else None

    def forget(self) -> None:
        """The page was cleared: no final is on show."""
        self.revision = -1

    # -- the request still out ---------------------------------------------------------------
    def asked(self, request_id: int, snapshot: Any, magic: bool) -> None:
        self._request = (request_id, snapshot, magic)

    def pending(self) -> bool:
        return self._request is not None

    def answered(self, request_id: int) -> tuple[Any, bool]:
        """(snapshot, pressed Magic?) of the request this result answers; (None, True) for
        one that is not the newest."""
        if self._request is None or self._request[0] != request_id:
            return None, True
        _, snapshot, magic = self._request
        self._request = None
        return snapshot, magic

    def failed(self) -> None:
        self._request = None


def made_in_wanted_style(result: Any, wanted: Any) -> bool:
    """Whether a picture is in the style the child chose last (not one left behind by a
    switch while it was being made). Pictures from an engine that does not say are kept."""
    style = getattr(result, "style", None)
    return style is None or wanted is None or style.name == wanted.name
