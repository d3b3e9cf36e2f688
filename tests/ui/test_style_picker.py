"""The style cards show each style's sample picture big enough to tell the styles apart."""

from __future__ import annotations

import numpy as np
from PIL import Image
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage

from icanvas_desktop.ui.style_picker import content_square, style_card_icon


def sample(tmp_path, box=(200, 40, 260, 100), size=(320, 240), name="sample.png"):
    """A white page with a red block at `box` (left, top, right, bottom): a small drawing."""
    page = Image.new("RGB", size, "white")
    page.paste((220, 30, 40), box)
    path = tmp_path / name
    page.save(path)
    return path


def icon_pixels(style, px=96) -> np.ndarray:
    image = style_card_icon(style, "en", 0).pixmap(QSize(px, px)).toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    a = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * image.height())
    # a copy: the array must not outlive the image whose memory it reads
    return a.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3).copy()


def test_a_card_shows_the_drawing_cropped_from_its_page_so_it_fills_the_card(tmp_path, qapp, style_class):
    style = style_class("small", sample_path=sample(tmp_path))
    px = icon_pixels(style)
    red = (px[..., 0] > 180) & (px[..., 1] < 90)
    # the drawing was under 5 % of the page; on the card it is most of the picture
    assert red.mean() > 0.7


def test_the_crop_is_a_square_around_the_drawing_with_a_margin_and_inside_the_page(tmp_path):
    image = QImage(str(sample(tmp_path)))
    assert content_square(image) == QRect(196, 36, 67, 67)     # 60 px and 6 % each side
    corner = QImage(str(sample(tmp_path, box=(290, 0, 320, 200), name="corner.png")))
    r = content_square(corner)
    assert r == QRect(96, 0, 224, 224)        # 200 px and 6 % each side, pushed inside the page
    assert r.contains(QRect(290, 0, 30, 200))


def test_a_blank_or_missing_sample_keeps_its_whole_page_or_a_lettered_card(tmp_path, qapp, style_class):
    blank = tmp_path / "blank.png"
    Image.new("RGB", (320, 240), "white").save(blank)
    assert content_square(QImage(str(blank))) == QRect(0, 0, 320, 240)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    letter = icon_pixels(style_class("broken", sample_path=broken))
    assert letter.std() > 10          # the coloured placeholder with its letter, not an empty card
