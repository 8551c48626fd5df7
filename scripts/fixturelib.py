"""Shared helpers for the synthetic OCR fixture generators (scripts/make_*_fixtures.py).

A generator makes fictional documents, renders them with Pillow, OCRs each side with the
real Tesseract CLI and writes, per document, into Fixtures/<TYPE>/:

    <name>.png            the rendered document (both sides stacked when there is a back)
    <name>.tsv            Tesseract TSV of a one-sided document, byte for byte
    <name>.p1.tsv, .p2.tsv  front and back of a two-sided document (each side OCR'd alone;
                          page 2 coordinates are relative to the back image)
    <name>.truth.json     ground truth: what was printed (see `write_truth`)

Everything is deterministic: callers pass a `random.Random` with a fixed seed, and nothing
here reads the clock or the environment (beyond the installed fonts and tesseract).

Contents (all plain functions / one small class, no global state):

    fonts         FONTS, OCRB, font_path(), load_font()
    numbers       dotted(), age_at(), rand_date(), fmt_date()
    check digits  icao_check(), mrz_name(), td1(), td3(), pe_cui_check()
    drawing       Canvas (background texture, jittered text, photo placeholder, stains, glare,
                  scribbles), background()
    degradation   degrade(): rotation, keystone shear, print grain, blur, JPEG pass, 16 greys
    output        save_png(), stack_pages(), run_tesseract(), ocr_lines(), write_truth(),
                  tesseract_version(), record_version(), misread_report()
    driver        write_fixture() (one document's PNG, TSVs, truth and report),
                  generate() (a generator's main loop)

Run `python3 scripts/fixturelib.py` for a self-test of the check-digit helpers against the
ICAO specimens and the Peruvian DNI specimen (see shared/reference/documents.md §1.4, §6.1).
"""

import datetime as dt
import hashlib
import io
import json
import math
import os
import re
import subprocess
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = dt.date(2025, 10, 23)

# ---------------------------------------------------------------- fonts

FONT_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/freefont",
    "/usr/share/fonts/opentype/ocr-b",
]

# family name -> (regular file, bold file)
FONTS = {
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "DejaVuSansCondensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "DejaVuSerif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "LiberationSans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "LiberationSerif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "LiberationSansNarrow": ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"),
    "FreeSans": ("FreeSans.ttf", "FreeSansBold.ttf"),
    "FreeSerif": ("FreeSerif.ttf", "FreeSerifBold.ttf"),
    "FreeMono": ("FreeMono.ttf", "FreeMonoBold.ttf"),
    "OCRB": ("OCRB.otf", "OCRB.otf"),       # fonts-ocr-b: the typeface of real MRZs
}
OCRB = "OCRB"

_font_cache = {}


def font_path(name):
    """Absolute path of a font file found in FONT_DIRS."""
    for d in FONT_DIRS:
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(name)


def load_font(family, px, bold=False):
    """A cached FreeType font of `family` (a FONTS key) at `px` pixels (at least 8)."""
    key = (family, bold, max(8, int(round(px))))
    if key not in _font_cache:
        reg, bld = FONTS[family]
        _font_cache[key] = ImageFont.truetype(font_path(bld if bold else reg), key[2])
    return _font_cache[key]


# ---------------------------------------------------------------- numbers and dates

MONTHS_ES = ["ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"]
MONTHS_EN = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def dotted(n):
    """1001287937 -> '1.001.287.937' (Colombian/Venezuelan thousands dots)."""
    return f"{n:,}".replace(",", ".")


def age_at(born, ref=AS_OF):
    """Whole years from `born` to `ref`."""
    return ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))


def rand_date(rng, start, end):
    """Uniform date in [start, end]."""
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def add_years(d, years):
    """Same day `years` later (28 Feb for 29 Feb in a non-leap year)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def fmt_date(d):
    """The truth-file form of a date: dd/MM/yyyy."""
    return d.strftime("%d/%m/%Y")


def yymmdd(d):
    return d.strftime("%y%m%d")


# ---------------------------------------------------------------- check digits

def icao_check(s):
    """ICAO 9303 7-3-1 check digit of an MRZ field (digits, A-Z, '<')."""
    total = 0
    for i, c in enumerate(s):
        if c.isdigit():
            v = int(c)
        elif "A" <= c <= "Z":
            v = ord(c) - 55
        elif c == "<":
            v = 0
        else:
            raise ValueError(f"not an MRZ character: {c!r}")
        total += v * (7, 3, 1)[i % 3]
    return str(total % 10)


_TRANSLIT = str.maketrans("ÁÉÍÓÚÜÀÈÌÒÙÂÊÎÔÛÇ", "AEIOUUAEIOUAEIOUC")


def mrz_name(surnames, given, width, enye="N"):
    """`SURNAME<SURNAME<<GIVEN<NAMES` padded/truncated to `width`; accents dropped,
    Ñ -> `enye` ('N' or 'NXX'), spaces/hyphens/apostrophes -> '<'."""
    def clean(s):
        s = s.upper().replace("Ñ", enye).translate(_TRANSLIT)
        s = re.sub(r"[ \-']+", "<", s.strip())
        return re.sub(r"[^A-Z<]", "", s)
    out = clean(surnames) + "<<" + clean(given)
    return out[:width].ljust(width, "<")


def td3(doc_code, state, surnames, given, number, nationality, born, sex, expiry, personal=""):
    """Two 44-character TD3 (passport) MRZ lines with all check digits computed.
    `born`/`expiry` are dates, `sex` 'M'/'F', `personal` the optional personal number."""
    l1 = (doc_code.ljust(2, "<") + state + mrz_name(surnames, given, 39))
    num = number.ljust(9, "<")[:9]
    pers = re.sub(r"[^A-Z0-9]", "<", personal.upper()).ljust(14, "<")[:14]
    pers_chk = "<" if pers == "<" * 14 else icao_check(pers)
    l2 = (num + icao_check(num) + nationality + yymmdd(born) + icao_check(yymmdd(born)) + sex
          + yymmdd(expiry) + icao_check(yymmdd(expiry)) + pers + pers_chk)
    composite = icao_check(l2[0:10] + l2[13:20] + l2[21:43])
    l2 += composite
    assert len(l1) == 44 and len(l2) == 44, (l1, l2)
    return l1, l2


def td1(doc_code, state, number, born, sex, expiry, nationality, surnames, given,
        optional1="", optional2="", enye="N"):
    """Three 30-character TD1 (ID card) MRZ lines with all check digits computed."""
    num = number.ljust(9, "<")[:9]
    l1 = (doc_code.ljust(2, "<") + state + num + icao_check(num)
          + optional1.ljust(15, "<")[:15])
    l2 = (yymmdd(born) + icao_check(yymmdd(born)) + sex + yymmdd(expiry)
          + icao_check(yymmdd(expiry)) + nationality + optional2.ljust(11, "<")[:11])
    composite = icao_check(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
    l2 += composite
    l3 = mrz_name(surnames, given, 30, enye)
    assert len(l1) == len(l2) == len(l3) == 30, (l1, l2, l3)
    return l1, l2, l3


def pe_cui_check(dni, letter=False):
    """Peruvian CUI/DNI check character of an 8-digit DNI (documents.md §6.1)."""
    c = sum(int(d) * w for d, w in zip(dni, (3, 2, 7, 6, 5, 4, 3, 2))) % 11
    return ("KJIHGFEDCBA" if letter else "65432110987")[c]


# ---------------------------------------------------------------- drawing

def background(rng, kind, w, h, scale=2.0, tint=(226, 250), rosette=None):
    """Pale card background (mode L): vertical gradient plus `kind` texture:
    'guilloche' (interfering sine curves + rosette), 'gradient' (fewer curves),
    'noise' (mottled speckle), 'plain' (gradient only).
    `rosette` (fx, fy) fixes the rosette centre as fractions of w and h; by default it is
    drawn from `rng` (the CCVE cards predate that and keep their fixed centre)."""
    img = Image.new("L", (w, h), 236)
    d = ImageDraw.Draw(img)
    lo, hi = tint
    top, bottom = rng.randint(lo, min(hi, lo + 14)), rng.randint(max(lo, hi - 12), hi)
    for y in range(h):
        d.line([(0, y), (w, y)], fill=int(top + (bottom - top) * y / h))
    if kind in ("guilloche", "gradient"):
        n = 16 if kind == "guilloche" else 8
        shade = (212 if kind == "guilloche" else 222) + (lo - 226) // 2
        for _ in range(n):
            amp = rng.uniform(10, 40) * scale
            per = rng.uniform(120, 320) * scale
            ph = rng.uniform(0, 2 * math.pi)
            y0 = rng.uniform(0, h)
            pts = [(x, y0 + amp * math.sin(2 * math.pi * x / per + ph)) for x in range(0, w + 8, 8)]
            d.line(pts, fill=shade + rng.randint(-6, 6), width=1)
        if rosette:
            cx, cy = w * rosette[0], h * rosette[1]
        else:
            cx, cy = w * rng.uniform(0.6, 0.85), h * rng.uniform(0.3, 0.6)
        k_n = 24 if kind == "guilloche" else 10
        for k in range(k_n):
            a = k * 2 * math.pi / k_n
            r = 70 * scale
            d.ellipse([cx + r * 0.5 * math.cos(a) - r, cy + r * 0.5 * math.sin(a) - r,
                       cx + r * 0.5 * math.cos(a) + r, cy + r * 0.5 * math.sin(a) + r],
                      outline=shade + 8)
    if kind == "noise":
        speck = Image.frombytes("L", (w // 4, h // 4), rng.randbytes((w // 4) * (h // 4)))
        speck = speck.resize((w, h), Image.BILINEAR).point(lambda v: 255 - v // 10)
        img = ImageChops.multiply(img, speck)
    return img


def blob_mask(w, h, box, blur, rng, lobes):
    """Soft-edged irregular ellipse mask (mode L, 0..255) inside `box` (pixels)."""
    x0, y0, x1, y1 = box
    mask = Image.new("L", (w, h), 0)
    md = ImageDraw.Draw(mask)
    md.ellipse(box, fill=255)
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    for _ in range(lobes):
        a = rng.uniform(0, 2 * math.pi)
        lx, ly = cx + rx * 0.8 * math.cos(a), cy + ry * 0.8 * math.sin(a)
        lr = rng.uniform(0.25, 0.45)
        md.ellipse([lx - rx * lr, ly - ry * lr * 1.4, lx + rx * lr, ly + ry * lr * 1.4], fill=255)
    return mask.filter(ImageFilter.GaussianBlur(blur))


class Canvas:
    """A document side of `w` x `h` layout units rendered at `scale` pixels per unit.

    All coordinates and sizes passed to the methods are layout units; text positions get a
    small random jitter (`jitter` units) so no two documents are pixel-aligned.
    `ink` is the grey of values; labels use `label_ink` (defaults to ink + 25).
    `rosette` is passed on to `background`.
    """

    def __init__(self, rng, w, h, scale=2.0, bg="guilloche", tint=(226, 250), ink=None,
                 label_ink=None, jitter=2.0, rosette=None):
        self.rng, self.w, self.h, self.s = rng, w, h, scale
        self.W, self.H = int(w * scale), int(h * scale)
        self.img = background(rng, bg, self.W, self.H, scale, tint, rosette)
        self.draw = ImageDraw.Draw(self.img)
        self.ink = rng.randint(20, 45) if ink is None else ink
        self.label_ink = self.ink + 25 if label_ink is None else label_ink
        self.jitter = jitter

    def _j(self):
        return self.rng.uniform(-self.jitter, self.jitter)

    def font(self, family, px, bold=False):
        return load_font(family, px * self.s, bold)

    def width(self, t, family, px, bold=False):
        """Width of `t` in layout units."""
        return self.font(family, px, bold).getlength(t) / self.s

    def text(self, x, y, t, family, px, bold=False, fill=None, anchor="la", label=False,
             spacing=0.0):
        """Draw `t` at (x, y); returns the x just right of it (layout units).
        `spacing` adds extra letter spacing in units (monospace-looking MRZ lines)."""
        f = self.font(family, px, bold)
        fill = (self.label_ink if label else self.ink) if fill is None else fill
        x, y = x + self._j(), y + self._j() * 0.5
        if spacing:
            cx = x
            for ch in t:
                self.draw.text((cx * self.s, y * self.s), ch, font=f, fill=fill, anchor=anchor)
                cx += f.getlength(ch) / self.s + spacing
            return cx
        self.draw.text((x * self.s, y * self.s), t, font=f, fill=fill, anchor=anchor)
        return x + f.getlength(t) / self.s

    def field(self, x, y, label, value, family, label_px, value_px, dy=(11, 26)):
        """A label with its bold value under it: `value` on one line (at y + dy[0]), a 2-tuple
        on two lines (y + dy[0], y + dy[1]), nothing for an empty value (the label alone)."""
        self.text(x, y, label, family, label_px, label=True)
        if isinstance(value, tuple):
            self.text(x, y + dy[0], value[0], family, value_px, True)
            self.text(x, y + dy[1], value[1], family, value_px, True)
        elif value:
            self.text(x, y + dy[0], value, family, value_px, True)

    def vtext(self, x, y, t, family, px, bold=False, fill=None):
        """Draw `t` turned 90° (reading bottom to top) with its top-left corner at (x, y)."""
        f = self.font(family, px, bold)
        w, h = int(f.getlength(t)) + 4, int(px * self.s * 1.4)
        strip = Image.new("L", (w, h), 0)
        ImageDraw.Draw(strip).text((2, 0), t, font=f, fill=255)
        strip = strip.rotate(90, expand=True)
        ink = Image.new("L", strip.size, self.ink if fill is None else fill)
        self.img.paste(ink, (int(x * self.s), int(y * self.s)), strip)

    def rect(self, box, fill=None, outline=None, width=1):
        self.draw.rectangle([v * self.s for v in box], fill=fill, outline=outline,
                            width=max(1, int(width * self.s)))

    def photo(self, box):
        """Grey head-and-shoulders placeholder inside `box`."""
        x0, y0, x1, y1 = [v * self.s for v in box]
        d = self.draw
        d.rectangle([x0, y0, x1, y1], fill=self.rng.randint(168, 186), outline=120, width=2)
        cx, hw = (x0 + x1) / 2, (x1 - x0) * 0.22
        head_top = y0 + (y1 - y0) * 0.18
        d.ellipse([cx - hw, head_top, cx + hw, head_top + hw * 2.5], fill=95)
        d.chord([x0 + (x1 - x0) * 0.08, y0 + (y1 - y0) * 0.62,
                 x1 - (x1 - x0) * 0.08, y1 + (y1 - y0) * 0.35], 180, 360, fill=95)

    def scribble(self, x, y, length=90, amp=5, fill=None, width=2):
        """A signature-like wavy line starting at (x, y)."""
        r = self.rng.random()
        pts = [((x + i * 3) * self.s, (y + amp * math.sin(i * 0.7 + r)) * self.s)
               for i in range(int(length / 3))]
        self.draw.line(pts, fill=(self.ink + 30) if fill is None else fill, width=width)

    def strike(self, x0, y0, x1, y1, fill=None, width=1.2):
        """A straight pen/scratch line over the card (noise over a value)."""
        self.draw.line([(x0 * self.s, y0 * self.s), (x1 * self.s, y1 * self.s)],
                       fill=self.ink if fill is None else fill, width=max(1, int(width * self.s)))

    def barcode(self, box, bars=60):
        """A 1-D barcode-like block of random bars."""
        x0, y0, x1, y1 = box
        x = x0
        while x < x1:
            w = self.rng.choice([0.8, 1.2, 1.8, 2.6])
            if self.rng.random() < 0.55:
                self.rect((x, y0, min(x1, x + w), y1), fill=20)
            x += w

    def qr(self, box, cells=25):
        """A QR-like square of random cells with three finder squares."""
        x0, y0, x1, _ = box
        c = (x1 - x0) / cells
        for i in range(cells):
            for j in range(cells):
                if self.rng.random() < 0.5:
                    self.rect((x0 + i * c, y0 + j * c, x0 + (i + 1) * c, y0 + (j + 1) * c), fill=20)
        for fx, fy in ((0, 0), (cells - 7, 0), (0, cells - 7)):
            self.rect((x0 + fx * c, y0 + fy * c, x0 + (fx + 7) * c, y0 + (fy + 7) * c), fill=250)
            self.rect((x0 + fx * c, y0 + fy * c, x0 + (fx + 7) * c, y0 + (fy + 7) * c),
                      outline=20, width=c)
            self.rect((x0 + (fx + 2) * c, y0 + (fy + 2) * c, x0 + (fx + 5) * c, y0 + (fy + 5) * c),
                      fill=20)

    def stain(self, cx, cy, rx, ry, darkness):
        """Dark coffee-stain blob with a tide-line ring (layout units)."""
        s, W, H = self.s, self.W, self.H
        mask = blob_mask(W, H, [(cx - rx) * s, (cy - ry) * s, (cx + rx) * s, (cy + ry) * s],
                         4 * s, self.rng, 5)
        tint = Image.new("L", (W, H), int(255 * (1 - darkness)))
        img = Image.composite(ImageChops.multiply(self.img, tint), self.img, mask)
        ring = ImageChops.subtract(mask, mask.filter(ImageFilter.GaussianBlur(3 * s)).point(
            lambda v: min(255, v * 2)))
        self.img = Image.composite(ImageChops.multiply(img, Image.new("L", (W, H), 150)), img,
                                   ring.point(lambda v: min(255, v * 3)))
        self.draw = ImageDraw.Draw(self.img)

    def glare(self, cx, cy, rx, ry, strength):
        """Bright washed-out ellipse (layout units), as from a flash reflection."""
        s, W, H = self.s, self.W, self.H
        mask = blob_mask(W, H, [(cx - rx) * s, (cy - ry) * s, (cx + rx) * s, (cy + ry) * s],
                         8 * s, self.rng, 0).point(lambda v: int(v * strength))
        self.img = Image.composite(Image.new("L", (W, H), 252), self.img, mask)
        self.draw = ImageDraw.Draw(self.img)


# ---------------------------------------------------------------- degradation

def find_coeffs(dst, src):
    """PERSPECTIVE coefficients mapping output quad `dst` onto input quad `src`."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y]); rhs.append(v)
    n = 8
    m = [r + [b] for r, b in zip(rows, rhs)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                k = m[r][c] / m[c][c]
                m[r] = [a - k * b for a, b in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def degrade(img, rng, rot=0.0, blur=0.0, noise=10, jpeg=70, shear=None, scale=2.0,
            out_size=None, levels=16):
    """Photograph/scan a rendered side (mode L): rotate `rot` degrees (no expand), optional
    keystone `shear` (dx, dy) in layout units, mottled print grain of amplitude `noise`,
    Gaussian blur of `blur` layout pixels (or output pixels when `out_size` downsamples first),
    an in-memory JPEG pass at quality `jpeg`, then quantisation to `levels` grey levels
    (returned as a palette image, so it saves as a small 4-bit PNG)."""
    W, H = img.size
    img = img.rotate(rot, resample=Image.BICUBIC, expand=False, fillcolor=int(img.getpixel((4, 4))))
    if shear:
        dx, dy = shear[0] * scale, shear[1] * scale
        dst = [(0, 0), (W, 0), (W, H), (0, H)]
        src = [(-dx * 0.4, -dy), (W + dx * 1.6, dy * 0.3), (W + dx * 0.4, H), (-dx * 0.6, H - dy * 0.6)]
        img = img.transform((W, H), Image.PERSPECTIVE, find_coeffs(dst, src), Image.BICUBIC,
                            fillcolor=int(img.getpixel((4, 4))))
    if noise:
        mott = Image.frombytes("L", (W // 6, H // 6), rng.randbytes((W // 6) * (H // 6)))
        mott = mott.resize((W, H), Image.BILINEAR).point(lambda v: v * noise // 255)
        img = ImageChops.add(img, mott, scale=1.0, offset=-noise // 2)
    if out_size:
        W, H = out_size
        img = img.resize((W, H), Image.BILINEAR)
        if blur > 0:
            img = img.filter(ImageFilter.GaussianBlur(blur))
    elif blur > 0:
        img = img.filter(ImageFilter.GaussianBlur(blur * scale / 2))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=jpeg)
    buf.seek(0)
    img = Image.open(buf).convert("L")
    step = 256 // levels
    q = img.point(lambda v: v // step)
    out = Image.frombytes("P", (W, H), q.tobytes())
    out.putpalette([c for i in range(levels) for c in (i * (255 // (levels - 1)),) * 3])
    return out


# ---------------------------------------------------------------- output

def stack_pages(pages, gap=8):
    """Front above back in one palette image (for the fixture's single PNG)."""
    W = max(p.size[0] for p in pages)
    H = sum(p.size[1] for p in pages) + gap * (len(pages) - 1)
    out = Image.new("P", (W, H), 15)
    out.putpalette(pages[0].getpalette())
    y = 0
    for p in pages:
        out.paste(p, (0, y))
        y += p.size[1] + gap
    return out


def save_png(img, path, max_bytes=150_000):
    """Save a palette image as a 4-bit PNG; refuse (raise) if larger than `max_bytes`."""
    img.save(path, optimize=True, bits=4)
    size = os.path.getsize(path)
    if size > max_bytes:
        raise RuntimeError(f"{path}: {size} bytes > {max_bytes}")
    return size


def run_tesseract(img, outbase, tmp_png=None):
    """OCR one side: `tesseract PNG OUTBASE -l spa tsv` -> OUTBASE.tsv (returned).
    `img` is a PIL image (written to `tmp_png`, default OUTBASE.tmp.png, then removed)
    or a path to an existing PNG."""
    if isinstance(img, str):
        png, remove = img, False
    else:
        png, remove = tmp_png or outbase + ".tmp.png", True
        img.save(png, optimize=True, bits=4)
    try:
        subprocess.run(["tesseract", png, outbase, "-l", "spa", "tsv"], check=True,
                       capture_output=True)
    finally:
        if remove and os.path.exists(png):
            os.remove(png)
    return outbase + ".tsv"


def ocr_lines(tsv_path):
    """Text lines (page, block, paragraph, line) rebuilt from a Tesseract TSV file."""
    lines = {}
    with open(tsv_path, encoding="utf-8") as fh:
        next(fh)
        for row in fh:
            cols = row.rstrip("\n").split("\t")
            if len(cols) == 12 and cols[0] == "5" and cols[11].strip():
                lines.setdefault(tuple(cols[1:5]), []).append(cols[11])
    return [" ".join(words) for words in lines.values()]


def misread_report(name, printed_values, tsv_paths):
    """One stderr-ready line: the printed values not found verbatim in the OCR text."""
    text = "\n".join(l for p in tsv_paths for l in ocr_lines(p))
    missing = [v for v in printed_values if v and v not in text]
    return f"{name}: not read verbatim: {missing or 'none'}"


def write_truth(path, document_type, source, render, fields, printed=None,
                requires_back_side=False, as_of=AS_OF):
    """Write NAME.truth.json in the CCVE schema: documentType, asOf, source, render,
    requiresBackSide, fields (normalized values), optional printed (as-printed forms).
    `requires_back_side=None` leaves the key out (the CCVE truth files were written before it)."""
    truth = {
        "documentType": document_type,
        "asOf": as_of.isoformat(),
        "source": source,
        "render": render,
    }
    if requires_back_side is not None:
        truth["requiresBackSide"] = requires_back_side
    truth["fields"] = fields
    if printed:
        truth["printed"] = printed
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def tesseract_version():
    """Short, machine-independent description of the OCR engine used."""
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    lines = (out.stdout + out.stderr).splitlines()
    engine = " / ".join(l.strip() for l in lines[:2])
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    m = re.search(r'"([^"]+)"', langs.stdout + langs.stderr)
    spa = os.path.join(m.group(1), "spa.traineddata") if m else None
    if spa and os.path.exists(spa):
        with open(spa, "rb") as fh:
            engine += f"; spa.traineddata sha256 {hashlib.sha256(fh.read()).hexdigest()[:16]}..."
    return engine


def record_version(readme, version, script, title="OCR fixtures"):
    """Rewrite the marked tesseract-version block of a fixture README (created if absent)."""
    begin = f"<!-- BEGIN tesseract-version (written by {script}) -->"
    end = "<!-- END tesseract-version -->"
    block = f"{begin}\nGenerated with `{version}`, language `spa`.\n{end}"
    text = open(readme, encoding="utf-8").read() if os.path.exists(readme) else ""
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text = (text or f"# {title}\n\n") + block + "\n"
    with open(readme, "w", encoding="utf-8") as fh:
        fh.write(text)


# ---------------------------------------------------------------- driver

def write_fixture(out_dir, name, document_type, pages, render, fields, printed=None, shown=(),
                  requires_back_side=False, max_bytes=150_000):
    """Write one document's fixture files into `out_dir` and report its misreads on stderr.

    `pages` are the degraded sides (palette images). One side: NAME.png and NAME.tsv (the saved
    PNG is what Tesseract reads). Several sides: each is OCR'd alone into NAME.p1.tsv, NAME.p2.tsv...
    (so page 2 coordinates stay relative to the back) and NAME.png holds them stacked.
    Then NAME.truth.json (see `write_truth`) and one stderr line naming the `shown` values
    (as printed) that Tesseract did not read verbatim, plus the PNG size."""
    base = os.path.join(out_dir, name)
    if len(pages) == 1:
        size = save_png(pages[0], base + ".png", max_bytes)
        tsvs = [run_tesseract(base + ".png", base)]
    else:
        tsvs = [run_tesseract(page, f"{base}.p{k}") for k, page in enumerate(pages, 1)]
        size = save_png(stack_pages(pages), base + ".png", max_bytes)
    write_truth(base + ".truth.json", document_type, name + ".png", render, fields, printed,
                requires_back_side)
    print(misread_report(name, shown, tsvs) + f" [{size} B]", file=sys.stderr)


def generate(out_dir, script, title, docs, write_doc, selected=()):
    """A generator's main loop: call `write_doc(i, spec)` for each spec of `docs` (numbered
    from 1; only the numbers in `selected`, when given, e.g. from the command line), then
    refresh the tesseract-version block of OUT_DIR/README.md (`script` and `title` as in
    `record_version`)."""
    os.makedirs(out_dir, exist_ok=True)
    version = tesseract_version()
    print(f"OCR engine: {version}", file=sys.stderr)
    only = {int(a) for a in selected}
    for i, spec in enumerate(docs, 1):
        if not only or i in only:
            write_doc(i, spec)
    record_version(os.path.join(out_dir, "README.md"), version, script, title)


# ---------------------------------------------------------------- self-test

def _selftest():
    assert icao_check("L898902C3") == "6"
    l1, l2 = td3("P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO",
                 dt.date(1974, 8, 12), "F", dt.date(2012, 4, 15), "ZE184226B")
    assert l1 == "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", l1
    assert l2 == "L898902C36UTO7408122F1204159ZE184226B<<<<<10", l2
    t = td1("I", "UTO", "D23145890", dt.date(1974, 8, 12), "F", dt.date(2012, 4, 15), "UTO",
            "ERIKSSON", "ANNA MARIA")
    assert t == ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                 "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"), t
    p = td1("I", "PER", "70275722", dt.date(1989, 6, 12), "M", dt.date(2021, 7, 16), "PER",
            "CARDENAS", "JORGE ANTHONY")
    assert p == ("I<PER70275722<2<<<<<<<<<<<<<<<", "8906120M2107165PER<<<<<<<<<<<8",
                 "CARDENAS<<JORGE<ANTHONY<<<<<<<"), p
    assert pe_cui_check("70275722") == "9" and pe_cui_check("70275722", True) == "C"
    assert pe_cui_check("10117410") == "2" and pe_cui_check("05209244") == "8"
    assert mrz_name("MUÑOZ PEÑA", "JOSÉ", 20, "NXX") == "MUNXXOZ<PENXXA<<JOSE"
    print("fixturelib self-test: ok")


if __name__ == "__main__":
    _selftest()
