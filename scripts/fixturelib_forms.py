"""Extra helpers for the full-page form / bill fixtures (RUT, ENSAPA, RIFVE) and the TLCC card,
on top of scripts/fixturelib.py (Canvas, degrade, Tesseract, truth files).

Layout units: a letter page is 850 x 1100 units (1/100 inch) drawn at scale 1.5 -> 1275 x 1650 px
(150 dpi), the size Tesseract reads well. Everything is deterministic (callers pass seeded RNGs).
"""

import os
import sys

from PIL import Image, ImageChops, ImageDraw

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixturelib as fl  # noqa: E402

LETTER_W, LETTER_H = 850, 1100
PAGE_SCALE = 1.5
MAX_PNG = 200_000   # a full page holds more than a card: fixturelib.write_fixture(max_bytes=MAX_PNG)


def page(rng, family, bg="plain", scale=PAGE_SCALE, tint=(240, 252), ink=None):
    """A white-ish letter page; `bg` is a fixturelib background kind, or `watermark` / `ruled`."""
    kind = bg if bg in ("guilloche", "gradient", "plain") else "plain"
    c = fl.Canvas(rng, LETTER_W, LETTER_H, scale=scale, bg=kind, tint=tint, ink=ink, jitter=1.2)
    c.family = family
    if bg == "noise":
        # low-frequency mottling (a full page of fine speckle would not fit in 200 KB)
        sw, sh = c.W // 10, c.H // 10
        speck = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh))
        speck = speck.resize((c.W, c.H), Image.BICUBIC).point(lambda v: 255 - v // 12)
        c.img = ImageChops.multiply(c.img, speck)
        c.draw = ImageDraw.Draw(c.img)
    elif bg == "watermark":
        watermark(c, rng.choice(["DIAN", "ORIGINAL", "COPIA"]))
    elif bg == "ruled":
        for y in range(0, LETTER_H, 14):
            c.rect((0, y, LETTER_W, y + 0.4), fill=rng.randint(224, 232))
    return c


def watermark(c, word):
    """A faint, large, rotated repeated word over the whole canvas."""
    wm = Image.new("L", (c.W, c.H), 0)
    wd = ImageDraw.Draw(wm)
    f = fl.load_font("DejaVuSans", c.W // 9, True)
    for k, yy in enumerate(range(-c.H // 4, c.H + c.H // 4, c.H // 6)):
        wd.text((-(k % 3) * c.W // 10, yy), (word + "   ") * 4, font=f, fill=22)
    wm = wm.rotate(28, resample=Image.BICUBIC)
    c.img = ImageChops.subtract(c.img, wm)
    c.draw = ImageDraw.Draw(c.img)


def digit_boxes(c, x, y, chars, cell, px, family=None, h=None, outline=222, bold=False):
    """One character per box (the DIAN style), boxes `cell` units wide; returns the right edge."""
    h = h or px * 1.7
    for i, ch in enumerate(chars):
        bx = x + i * cell
        c.rect((bx, y, bx + cell, y + h), outline=outline, width=0.7)
        if ch.strip():
            c.text(bx + cell / 2, y + h / 2, ch, family or c.family, px, bold, anchor="mm")
    return x + len(chars) * cell


def band(c, x0, x1, y, h, title, px, family=None, shade=205):
    """A grey section band with a title (IDENTIFICACIÓN, UBICACIÓN...)."""
    c.rect((x0, y, x1, y + h), fill=shade)
    c.text(x0 + 6, y + h / 2, title, family or c.family, px, True, anchor="lm", fill=30)


def frame(c, box, grey=160, width=0.7):
    c.rect(box, outline=grey, width=width)


def scratches(c, box, n=5, fill=70, width=1.4):
    """Pen strokes across `box` (noise over a printed value)."""
    x0, y0, x1, y1 = box
    for _ in range(n):
        c.strike(c.rng.uniform(x0, x1), c.rng.uniform(y0, y1), c.rng.uniform(x0, x1),
                 c.rng.uniform(y0, y1), fill=fill, width=width)


def finish(c, spec, rng, outbase, scale=PAGE_SCALE):
    """Degrade the canvas per spec and return the palette image."""
    out_size = None
    if spec.get("out_scale"):
        out_size = (int(c.w * spec["out_scale"]), int(c.h * spec["out_scale"]))
    return fl.degrade(c.img, rng, rot=spec.get("rot", 0.0), blur=spec.get("blur", 0.0),
                      noise=spec.get("noise", 8), jpeg=spec.get("jpeg", 75), shear=spec.get("shear"),
                      scale=scale, out_size=out_size)


def render_meta(spec, scale):
    """The truth file's `render` object."""
    return {
        "font": spec["font"],
        "scale": spec.get("out_scale", scale),
        "rotationDegrees": spec.get("rot", 0.0),
        "blur": spec.get("blur", 0.0),
        "background": spec.get("bg", "plain"),
        "notes": (f"font size x{spec.get('size', 1.0):.2f}, noise {spec.get('noise', 8)}, "
                  f"jpeg q{spec.get('jpeg', 75)}; " + spec["notes"]),
    }
